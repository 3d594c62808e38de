package dev.schemagate.registry.server.registry.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.Optional;

/**
 * Reads and writes metadata and ruleSets as Confluent's JSON. Writing is canonical (sorted maps,
 * empty parts left out), which makes the stored text usable as identity.
 */
public final class ContractJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ContractJson() {}

  /** {@code body.metadata}, absent or null meaning none; a wrong shape names the field. */
  public static Optional<Metadata> metadata(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new InvalidRuleSetException(
          "\"" + field + "\" must be an object {properties, tags, sensitive}, got " + node);
    }
    return Optional.of(read(node, Metadata.class, field));
  }

  /** {@code body.ruleSet}, validated as Confluent does (names, types, modes per list). */
  public static Optional<RuleSet> ruleSet(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new InvalidRuleSetException(
          "\"" + field + "\" must be an object {migrationRules, domainRules}, got " + node);
    }
    RuleSet ruleSet = read(node, RuleSet.class, field);
    ruleSet.validate();
    return Optional.of(ruleSet);
  }

  public static SchemaContract contract(JsonNode body) {
    return new SchemaContract(metadata(body, "metadata"), ruleSet(body, "ruleSet"));
  }

  private static <T> T read(JsonNode node, Class<T> type, String field) {
    try {
      return JSON.treeToValue(node, type);
    } catch (InvalidFormatException e) {
      throw new InvalidRuleSetException(
          "\"" + field + "\": " + e.getValue() + " is not allowed at " + path(e));
    } catch (MismatchedInputException e) {
      throw new InvalidRuleSetException(
          "\"" + field + "\": wrong type at " + path(e) + " (" + expected(path(e)) + ")");
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof NullPointerException) {
        // A null inside a list or set (sorted, or copied by the records): name where, not the
        // Java exception.
        throw new InvalidRuleSetException(
            "\"" + field + "\": a null is not allowed in a list, at " + path(e));
      }
      throw new InvalidRuleSetException(
          "\"" + field + "\" is not valid: " + e.getOriginalMessage());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidRuleSetException("\"" + field + "\" is not valid: " + e.getMessage());
    }
  }

  /** What Confluent's format expects at a path (its nearest known field name), in words. */
  private static String expected(String path) {
    String[] names = path.replaceAll("\\[\\d+]", "").split("\\.");
    for (int i = names.length - 1; i >= 0; i--) {
      switch (names[i]) {
        case "properties", "params" -> {
          return "an object of strings";
        }
        case "tags" -> {
          return "an object of string lists in metadata, a list of strings in a rule";
        }
        case "sensitive" -> {
          return "a list of strings";
        }
        case "migrationRules", "domainRules", "encodingRules" -> {
          return "a list of rule objects";
        }
        default -> {
          // look further up
        }
      }
    }
    return "see Confluent's data contract format";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    e.getPath()
        .forEach(
            ref ->
                path.append(
                    ref.getFieldName() != null
                        ? "." + ref.getFieldName()
                        : "[" + ref.getIndex() + "]"));
    return path.isEmpty() ? "the top level" : path.substring(path.charAt(0) == '.' ? 1 : 0);
  }

  public static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  /** Canonical JSON text, for storage and identity. */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value, e);
    }
  }

  /** Stored text back to a value (the text was written by {@link #write}). */
  public static <T> Optional<T> parseStored(String text, Class<T> type) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(text, type));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is not valid JSON", e);
    }
  }
}
