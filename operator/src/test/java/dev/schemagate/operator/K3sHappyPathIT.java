package dev.schemagate.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.crds.CrdManifests;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaSpec;
import dev.schemagate.crds.v1alpha1.SchemaFormatType;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The happy path on a real API server (k3s): CEL rules, the status subresource and server-side
 * apply for real. Needs a Docker engine; without one JUnit reports it skipped ("Docker is not
 * available"), which is the case on the build machines of this repository.
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sHappyPathIT {
  @Container
  static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));

  @Test
  void shouldRegisterADataSchemaAppliedToARealApiServer() throws Exception {
    try (KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
                .build();
        RunningRegistry registryServer = RegistryConfig.forTests().start();
        SchemaRegistryClient registry =
            SchemaRegistryClient.builder(registryServer.url()).build()) {
      CrdManifests.all()
          .forEach(
              crd ->
                  client
                      .apiextensions()
                      .v1()
                      .customResourceDefinitions()
                      .resource(crd)
                      .serverSideApply());
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName("dataschemas.schemagate.dev")
          .waitUntilCondition(
              crd ->
                  crd.getStatus() != null
                      && crd.getStatus().getAcceptedNames() != null
                      && "DataSchema".equals(crd.getStatus().getAcceptedNames().getKind()),
              60,
              java.util.concurrent.TimeUnit.SECONDS);
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("orders").endMetadata().build())
          .serverSideApply();

      OperatorSettings settings =
          new OperatorSettings(
              registryServer.url(),
              java.util.Set.of(),
              -1,
              Duration.ofMinutes(5),
              Duration.ofSeconds(2),
              Duration.ofSeconds(5),
              Duration.ofMinutes(1),
              4,
              true,
              false,
              "",
              1000,
              50);
      try (SchemaGateOperator operator =
          new SchemaGateOperator(
              client, registry, new SimpleMeterRegistry(), OperatorConfig.of(settings))) {
        operator.start();
        DataSchema ds = new DataSchema();
        ds.setMetadata(
            new ObjectMetaBuilder().withName("orders-value").withNamespace("orders").build());
        DataSchemaSpec spec = new DataSchemaSpec();
        spec.setFormat(SchemaFormatType.AVRO);
        spec.setSchema(
            "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        ds.setSpec(spec);
        client.resource(ds).create();

        DataSchema ready =
            DataSchemas.awaitStatus(
                client,
                "orders",
                "orders-value",
                r -> DataSchemas.observedCurrentGeneration(r) && DataSchemas.isReady(r));
        assertThat(ready.getStatus().getVersion()).isEqualTo(1);
        assertThat(registry.versions("orders-value")).containsExactly(1);
      }
    }
  }
}
