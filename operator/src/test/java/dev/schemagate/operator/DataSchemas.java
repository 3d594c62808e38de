package dev.schemagate.operator;

import static org.awaitility.Awaitility.await;

import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.crds.v1alpha1.DataSchema;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** Test helpers: read a DataSchema and wait for its status, saying what it was on a timeout. */
public final class DataSchemas {
  private DataSchemas() {}

  public static DataSchema get(KubernetesClient client, String namespace, String name) {
    return client.resources(DataSchema.class).inNamespace(namespace).withName(name).get();
  }

  public static DataSchema awaitStatus(
      KubernetesClient client, String namespace, String name, Predicate<DataSchema> test) {
    try {
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> get(client, namespace, name),
              ds -> ds != null && ds.getStatus() != null && test.test(ds));
    } catch (ConditionTimeoutException e) {
      DataSchema last = get(client, namespace, name);
      throw new AssertionError(
          "timed out waiting for %s/%s; last status: %s"
              .formatted(
                  namespace,
                  name,
                  last == null ? "(gone)" : Serialization.asJson(last.getStatus())),
          e);
    }
  }

  public static boolean isReady(DataSchema ds) {
    return ds.getStatus().condition("Ready").map(Condition::isTrue).orElse(false);
  }

  public static boolean observedCurrentGeneration(DataSchema ds) {
    return ds.getMetadata().getGeneration().equals(ds.getStatus().getObservedGeneration());
  }

  public static String reason(DataSchema ds, String type) {
    return ds.getStatus().condition(type).map(Condition::reason).orElse("");
  }
}
