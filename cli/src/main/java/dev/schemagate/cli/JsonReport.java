package dev.schemagate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.List;

/**
 * The machine-readable result: {@code {"compatible", "mode", "fingerprints", "changes",
 * "suggestedBump"}}, fingerprints in argument order (OLD..., NEW).
 */
final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  static String render(CompatibilityResult result, List<ParsedSchema> schemas) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("compatible", result.compatible());
    root.put("mode", result.level().name());
    ArrayNode fingerprints = root.putArray("fingerprints");
    schemas.forEach(s -> fingerprints.add(s.fingerprint().value()));
    ArrayNode changes = root.putArray("changes");
    for (Change change : result.changes()) {
      ObjectNode node = changes.addObject();
      node.put("path", change.path());
      node.put("type", change.type().name());
      node.put("breaking", change.breaking());
      node.put("message", change.message());
      change.suggestedFix().ifPresent(fix -> node.put("suggestedFix", fix));
    }
    root.put("suggestedBump", result.suggestedBump().name());
    return root.toPrettyString();
  }
}
