package dev.schemagate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * Runs our Argo CD health checks ({@code gitops/argocd/health/*.lua}) the way Argo CD does: the
 * resource as the global {@code obj}, the chunk returning {@code {status, message}}.
 */
final class ArgoCdHealth {
  /** What Argo CD would show. */
  record Health(String status, String message) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
              .disable(
                  com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                      .WRITE_DOC_START_MARKER));
  private static final Map<String, String> SCRIPT_OF_KIND =
      Map.of(
          "DataSchema", "ready-condition.lua",
          "DataContract", "ready-condition.lua",
          "Promotion", "promotion.lua");

  private ArgoCdHealth() {}

  static String scriptPath(String kind) {
    String script = SCRIPT_OF_KIND.get(kind);
    if (script == null) {
      throw new IllegalArgumentException("no health check for kind " + kind);
    }
    return "gitops/argocd/health/" + script;
  }

  /**
   * The health of a live object, which must be {@code expected}; the object is also kept under
   * {@code target/argocd-health-samples/} (copy new ones to {@code
   * gitops/argocd/health/testdata/}).
   */
  static Health expect(HasMetadata resource, String expected) {
    Health health = of(resource);
    ObjectNode sample = JSON.valueToTree(resource);
    ObjectNode metadata = (ObjectNode) sample.get("metadata");
    metadata.remove(List.of("managedFields", "uid", "resourceVersion", "creationTimestamp"));
    metadata.putObject("annotations").put("e2e.schemagate.dev/expected-health", expected);
    try {
      Path dir = Files.createDirectories(Path.of("target", "argocd-health-samples"));
      YAML.writeValue(
          dir.resolve(
                  (resource.getKind() + "-" + expected + "-" + resource.getMetadata().getName())
                          .toLowerCase(java.util.Locale.ROOT)
                      + ".yaml")
              .toFile(),
          sample);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!health.status().equals(expected)) {
      throw new AssertionError(
          "Argo CD health of "
              + resource.getKind()
              + " "
              + resource.getMetadata().getName()
              + ": expected "
              + expected
              + ", got "
              + health);
    }
    return health;
  }

  static Health of(HasMetadata resource) {
    JsonNode tree = JSON.valueToTree(resource);
    return of(tree);
  }

  static Health of(JsonNode resource) {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", lua(resource));
    String kind = resource.path("kind").asText();
    LuaValue result = globals.load(Repo.read(scriptPath(kind)), kind + ".lua").call();
    return new Health(result.get("status").optjstring(""), result.get("message").optjstring(""));
  }

  private static LuaValue lua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        table.set(field.getKey(), lua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, lua(node.get(i)));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt()
          ? LuaValue.valueOf(node.intValue())
          : LuaValue.valueOf(node.doubleValue());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    return LuaValue.valueOf(node.asText());
  }
}
