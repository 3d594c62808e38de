package dev.schemagate.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads data-driven test tables. A schema in a fixture is a JSON value, or a string kept as is. */
public final class Fixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  public static List<JsonNode> cases(Class<?> near, String resource) {
    try (InputStream in = near.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource + " next to " + near);
      }
      List<JsonNode> cases = new ArrayList<>();
      MAPPER.readTree(in).forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String schemaText(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }

  public static Map<String, String> references(JsonNode testCase) {
    Map<String, String> refs = new LinkedHashMap<>();
    JsonNode node = testCase.path("references");
    node.properties().forEach(e -> refs.put(e.getKey(), schemaText(e.getValue())));
    return refs;
  }
}
