package dev.schemagate.operator;

import dev.schemagate.crds.v1alpha1.DataSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every DataSchema the DataSchema controller has just reconciled (registered, found in sync,
 * refused, deleted...), handed to the other controllers that wait on DataSchemas. The operator so
 * keeps one informer on DataSchemas, its primary one, instead of one more per controller: a second
 * informer meant a second LIST of every DataSchema at start-up and every status write decoded twice
 * (about a tenth of the operator's CPU in a cold start), and one more watch for the API server to
 * feed.
 */
public final class DataSchemaChanges {
  private static final Logger log = LoggerFactory.getLogger(DataSchemaChanges.class);

  private final List<Consumer<DataSchema>> listeners = new CopyOnWriteArrayList<>();

  /** Called, on a reconcile thread, for each DataSchema reconciled from now on. Keep it quick. */
  public void subscribe(Consumer<DataSchema> listener) {
    listeners.add(listener);
  }

  /** Tells every listener; a listener that throws is logged and never fails the reconcile. */
  public void publish(DataSchema schema) {
    for (Consumer<DataSchema> listener : listeners) {
      try {
        listener.accept(schema);
      } catch (RuntimeException e) {
        log.warn(
            "a listener failed on DataSchema {}/{}: {}",
            schema.getMetadata().getNamespace(),
            schema.getMetadata().getName(),
            e.toString());
      }
    }
  }
}
