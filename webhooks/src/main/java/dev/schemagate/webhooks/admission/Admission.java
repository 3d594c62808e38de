package dev.schemagate.webhooks.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The parts of an AdmissionReview request that the reviewers read.
 *
 * @param group the API group of the object's kind, e.g. {@code schemagate.dev}
 * @param kind e.g. {@code DataSchema}
 * @param operation CREATE, UPDATE, DELETE or CONNECT
 * @param object the object as it would be stored; absent on DELETE
 * @param oldObject the stored object; present on UPDATE and DELETE
 * @param subResource e.g. {@code status}, when the request is for one
 */
public record Admission(
    String uid,
    String group,
    String kind,
    String operation,
    boolean dryRun,
    String namespace,
    String name,
    Optional<JsonNode> object,
    Optional<JsonNode> oldObject,
    Optional<String> subResource) {

  public boolean isDelete() {
    return "DELETE".equals(operation);
  }

  public boolean isUpdate() {
    return "UPDATE".equals(operation);
  }
}
