package dev.schemagate.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.crds.v1alpha1.DataSchema;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSchemaChangesTest {
  @Test
  void shouldTellEveryListenerEvenWhenOneFails() {
    DataSchemaChanges changes = new DataSchemaChanges();
    List<String> seen = new ArrayList<>();
    changes.subscribe(
        ds -> {
          throw new IllegalStateException("a broken listener");
        });
    changes.subscribe(
        ds -> seen.add(ds.getMetadata().getNamespace() + "/" + ds.getMetadata().getName()));

    changes.publish(schema("team-a", "orders"));
    changes.publish(schema("team-b", "payments"));

    assertThat(seen).containsExactly("team-a/orders", "team-b/payments");
  }

  private static DataSchema schema(String namespace, String name) {
    DataSchema ds = new DataSchema();
    ds.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    return ds;
  }
}
