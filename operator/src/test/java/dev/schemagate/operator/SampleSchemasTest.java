package dev.schemagate.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.crds.v1alpha1.DataSchema;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The samples under {@code schemas/} behave as their comments say, applied in order. */
@EnableKubernetesMockClient(crud = true)
class SampleSchemasTest {
  private static final Path SAMPLES = Path.of("..", "schemas");
  private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*(\\w+)\\s*$");
  static KubernetesClient client;
  static OperatorFixture fixture;

  @BeforeAll
  static void start() throws IOException {
    fixture = OperatorFixture.start(client, s -> s);
  }

  @AfterAll
  static void stop() throws IOException {
    fixture.close();
  }

  @Test
  void shouldRegisterEachOrdersVersionAndRefuseTheBreakingOne() throws Exception {
    apply("orders/orders-v1.yaml");
    awaitStatus("orders", "orders-value", ds -> isReady(ds) && ds.getStatus().getVersion() == 1);
    apply("orders/orders-v2.yaml");
    awaitStatus("orders", "orders-value", ds -> isReady(ds) && ds.getStatus().getVersion() == 2);

    apply("orders/orders-v3-BREAKING.yaml");
    DataSchema refused =
        awaitStatus("orders", "orders-value", ds -> "IncompatibleChange".equals(readyReason(ds)));
    assertThat(refused.getStatus().getBreakingChanges())
        .hasSizeGreaterThanOrEqualTo(2)
        .anySatisfy(c -> assertThat(c.path()).contains("customerId"))
        .anySatisfy(c -> assertThat(c.path()).contains("warehouseId"))
        .anySatisfy(c -> assertThat(c.suggestedFix()).isNotBlank());
    assertThat(fixture.registry.versions("orders-value")).containsExactly(1, 2);

    apply("orders/orders-v3.yaml");
    awaitStatus("orders", "orders-value", ds -> isReady(ds) && ds.getStatus().getVersion() == 3);
    assertThat(fixture.registry.versions("orders-value")).containsExactly(1, 2, 3);
  }

  @Test
  void shouldRegisterEachUserEventsVersionFromItsConfigMapAndRefuseTheBreakingOne()
      throws Exception {
    apply("user-events/user-events-v1.yaml");
    awaitStatus(
        "identity", "user-events-value", ds -> isReady(ds) && ds.getStatus().getVersion() == 1);
    apply("user-events/user-events-v2.yaml");
    awaitStatus(
        "identity", "user-events-value", ds -> isReady(ds) && ds.getStatus().getVersion() == 2);

    apply("user-events/user-events-v3-BREAKING.yaml");
    DataSchema refused =
        awaitStatus(
            "identity", "user-events-value", ds -> "IncompatibleChange".equals(readyReason(ds)));
    assertThat(refused.getStatus().getBreakingChanges())
        .anySatisfy(c -> assertThat(c.path() + c.message()).contains("sessionId"))
        .anySatisfy(c -> assertThat(c.path() + c.message()).contains("password_reset"));
    assertThat(fixture.registry.versions("user-events-value")).containsExactly(1, 2);
  }

  /** Like {@code kubectl apply -f}: every document of the file, created or updated. */
  private static void apply(String file) throws IOException {
    for (String document : Files.readString(SAMPLES.resolve(file)).split("(?m)^---\\s*$")) {
      var kind = KIND.matcher(document);
      if (!kind.find()) {
        continue;
      }
      var serialization = client.getKubernetesSerialization();
      switch (kind.group(1)) {
        case "ConfigMap" ->
            client
                .resource(serialization.unmarshal(document, ConfigMap.class))
                .createOr(NonDeletingOperation::update);
        case "DataSchema" -> {
          DataSchema desired = serialization.unmarshal(document, DataSchema.class);
          var existing =
              client
                  .resources(DataSchema.class)
                  .inNamespace(desired.getMetadata().getNamespace())
                  .withName(desired.getMetadata().getName());
          if (existing.get() == null) {
            client.resource(desired).create();
          } else {
            existing.edit(
                ds -> {
                  ds.setSpec(desired.getSpec());
                  return ds;
                });
          }
        }
        default -> throw new IllegalArgumentException("unexpected kind in " + file);
      }
    }
  }

  private static DataSchema awaitStatus(String namespace, String name, Predicate<DataSchema> test) {
    return DataSchemas.awaitStatus(
        client, namespace, name, ds -> DataSchemas.observedCurrentGeneration(ds) && test.test(ds));
  }

  private static boolean isReady(DataSchema ds) {
    return ds.getStatus().condition("Ready").map(Condition::isTrue).orElse(false);
  }

  private static String readyReason(DataSchema ds) {
    return ds.getStatus().condition("Ready").map(Condition::reason).orElse("");
  }
}
