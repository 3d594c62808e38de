package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Small helpers to read a resource's JSON, naming the field path in every complaint. */
final class SpecReader {
  private SpecReader() {}

  /** A spec problem; the message names the path, e.g. {@code spec.format: must be AVRO or JSON}. */
  static final class InvalidSpec extends Exception {
    private final String path;
    private final String detail;

    InvalidSpec(String message) {
      super(message);
      this.path = "";
      this.detail = message;
    }

    InvalidSpec(String path, String detail) {
      super(path + ": " + detail);
      this.path = path;
      this.detail = detail;
    }

    /** The path of the offending value, or empty when the message names it itself. */
    String path() {
      return path;
    }

    /** What is wrong with it, without the path. */
    String detail() {
      return detail;
    }
  }

  static JsonNode spec(JsonNode object) throws InvalidSpec {
    JsonNode spec = object.path("spec");
    if (!spec.isObject()) {
      throw new InvalidSpec("spec: is required and must be an object");
    }
    return spec;
  }

  static Optional<String> text(JsonNode node, String field, String path) throws InvalidSpec {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new InvalidSpec(path + ": must be a string");
    }
    return Optional.of(value.asText()).filter(s -> !s.isBlank());
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asText("");
  }
}
