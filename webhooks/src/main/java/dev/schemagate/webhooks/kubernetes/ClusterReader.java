package dev.schemagate.webhooks.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.webhooks.admission.WebhookException;
import java.util.Optional;

/** The objects a review needs to read from the cluster. Read-only. */
public interface ClusterReader {
  /** The DataSchema {@code name} in {@code namespace}, as JSON. */
  Optional<JsonNode> dataSchema(String namespace, String name) throws WebhookException;

  /** The value under {@code key} of the ConfigMap {@code name} in {@code namespace}. */
  Optional<String> configMapValue(String namespace, String name, String key)
      throws WebhookException;
}
