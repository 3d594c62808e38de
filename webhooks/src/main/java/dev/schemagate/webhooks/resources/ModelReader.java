package dev.schemagate.webhooks.resources;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.webhooks.resources.SpecReader.InvalidSpec;
import java.util.stream.Collectors;

/**
 * Binds the object the API server sends to the {@code crds} model classes, so that a change to a
 * spec is made once, in the model; a value of the wrong shape is reported with its path (e.g.
 * {@code spec.format: "XML" is not one of [AVRO, JSON]}) rather than as a binding error.
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
      throw new InvalidSpec(
          (path.isEmpty() ? "the object" : path) + ": " + wrongShape.getOriginalMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
      throw new InvalidSpec("the object cannot be read: " + unreadable.getOriginalMessage());
    }
  }
}
