package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.schemagate.webhooks.resources.SpecReader.InvalidSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds the object the API server sends to the {@code crds} model classes, so that a change to a
 * spec is made once, in the model; a value of the wrong shape is reported with its path (e.g.
 * {@code spec.format: unknown format 'XML': one of [AVRO, JSON]}) rather than as a binding error.
 */
final class ModelReader {
  // Unknown fields are the API server's business (it prunes them); ours is the known ones.
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelReader() {}

  static <T> T read(JsonNode object, Class<T> type) throws InvalidSpec {
    try {
      return JSON.treeToValue(object, type);
    } catch (JsonMappingException wrongShape) {
      String path =
          wrongShape.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null
                          ? "." + ref.getFieldName()
                          : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining())
              .replaceFirst("^\\.", "");
      String field =
          wrongShape.getPath().isEmpty() ? null : wrongShape.getPath().getLast().getFieldName();
      throw new InvalidSpec(
          path.isEmpty() ? "the object" : path,
          detail(wrongShape, field == null ? "value" : field));
    } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
      throw new InvalidSpec("the object cannot be read: " + unreadable.getOriginalMessage());
    }
  }

  /** The model as JSON again, in its wire names: what core's readers take. */
  static JsonNode tree(Object model) {
    return JSON.valueToTree(model);
  }

  /** An enum value outside the model's names says which names there are, in their wire form. */
  private static String detail(JsonMappingException wrongShape, String field) {
    if (wrongShape instanceof InvalidFormatException invalid
        && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      return "unknown %s '%s': one of %s"
          .formatted(field, invalid.getValue(), wireNames(invalid.getTargetType()));
    }
    return wrongShape.getOriginalMessage();
  }

  private static List<String> wireNames(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(
            constant -> {
              String name = ((Enum<?>) constant).name();
              try {
                JsonProperty wire = enumType.getField(name).getAnnotation(JsonProperty.class);
                return wire == null || wire.value().isEmpty() ? name : wire.value();
              } catch (NoSuchFieldException impossible) {
                return name;
              }
            })
        .toList();
  }
}
