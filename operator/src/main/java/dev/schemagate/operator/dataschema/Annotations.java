package dev.schemagate.operator.dataschema;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** The ownership annotations users set on a DataSchema. */
public final class Annotations {
  /** {@code "false"} lets go of the subject: the operator neither writes nor deletes it. */
  public static final String MANAGED = "schemagate.dev/managed";

  /** {@code "true"} pauses reconciliation until removed. */
  public static final String PAUSED = "schemagate.dev/paused";

  private Annotations() {}

  public static boolean isUnmanaged(HasMetadata resource) {
    return "false".equalsIgnoreCase(annotations(resource).getOrDefault(MANAGED, "true").strip());
  }

  public static boolean isPaused(HasMetadata resource) {
    return "true".equalsIgnoreCase(annotations(resource).getOrDefault(PAUSED, "false").strip());
  }

  private static Map<String, String> annotations(HasMetadata resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }
}
