package dev.schemagate.operator;

import dev.schemagate.crds.CrdManifests;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The parts a test needs, started for real: the generated CRDs applied to the (mock) API server, a
 * registry server on embedded PostgreSQL behind a {@link TcpGate}, and the operator.
 */
public final class OperatorFixture implements AutoCloseable {
  public final KubernetesClient kubernetes;
  public final RunningRegistry registryServer;
  public final TcpGate gate;

  /** Talks to the registry directly (not through the gate), for arranging and asserting. */
  public final SchemaRegistryClient registry;

  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final SchemaRegistryClient operatorRegistry;
  private final SchemaGateOperator operator;

  private OperatorFixture(KubernetesClient kubernetes, UnaryOperator<OperatorSettings> tune)
      throws IOException {
    // The mock server logs every request through java.util.logging; keep test output readable.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    this.kubernetes = kubernetes;
    CrdManifests.all()
        .forEach(
            crd ->
                kubernetes.apiextensions().v1().customResourceDefinitions().resource(crd).create());
    this.registryServer = RegistryConfig.forTests().start();
    this.gate = new TcpGate(registryServer.port());
    this.registry =
        SchemaRegistryClient.builder(registryServer.url()).latestTtl(Duration.ZERO).build();
    OperatorSettings settings = tune.apply(OperatorSettings.forTests(gate.url()));
    this.operatorRegistry =
        SchemaRegistryClient.builder(settings.registryUrl())
            .requestTimeout(settings.registryTimeout())
            .maxBlock(settings.registryTimeout())
            .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .failFastFor(Duration.ofMillis(200))
            .latestTtl(Duration.ZERO)
            .build();
    this.operator = new SchemaGateOperator(kubernetes, operatorRegistry, meters, settings, false);
    operator.start();
  }

  /** DataSchemas as this fixture's DataSchema controller reconciles them. */
  public DataSchemaChanges schemaChanges() {
    return operator.schemaChanges();
  }

  /** The operator's event recorder, for controllers a test registers beside it. */
  public EventRecorder events() {
    return operator.events();
  }

  public static OperatorFixture start(
      KubernetesClient kubernetes, UnaryOperator<OperatorSettings> tune) throws IOException {
    return new OperatorFixture(kubernetes, tune);
  }

  @Override
  public void close() throws IOException {
    operator.close();
    operatorRegistry.close();
    registry.close();
    gate.close();
    registryServer.close();
  }
}
