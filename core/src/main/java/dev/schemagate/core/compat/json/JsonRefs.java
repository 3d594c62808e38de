package dev.schemagate.core.compat.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.schema.JsonSchemaDoc;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code $ref} within a JSON Schema document and into its named references: {@code
 * #/definitions/x}, {@code #/$defs/x}, {@code other.json} and {@code other.json#/$defs/x}, where
 * {@code other.json} is a reference name. A ref it cannot resolve (a remote URL, an anchor) stays
 * as it is and is compared as text.
 */
final class JsonRefs {
  private static final Set<String> ANNOTATIONS =
      Set.of("$comment", "description", "title", "$schema", "$id", "examples");

  private final JsonNode root;
  private final Map<String, JsonNode> references;
  private final boolean hasRefs;

  JsonRefs(JsonSchemaDoc doc) {
    this.root = doc.root();
    this.references = doc.references();
    this.hasRefs = root.findValue("$ref") != null;
  }

  /** Whether the document uses {@code $ref} at all (if not, equal subtrees are equal schemas). */
  boolean hasRefs() {
    return hasRefs;
  }

  /**
   * A schema node, the document its own {@code #/...} refs are relative to, and the resolver of the
   * side (old or new) it belongs to; {@code refKey} names the ref it was reached through, if any.
   */
  record Located(JsonNode node, JsonNode document, String refKey, JsonRefs owner) {
    Located child(JsonNode child) {
      return new Located(child, document, "", owner);
    }

    Located resolved() {
      return owner.resolve(this);
    }
  }

  /** The document root, known as {@code #} so a recursive {@code $ref: "#"} stops at it. */
  Located start() {
    return new Located(root, root, "#", this);
  }

  /** Follows {@code $ref} chains (at most 32 hops, against cycles of refs to refs). */
  Located resolve(Located located) {
    Located current = located;
    for (int hops = 0; hops < 32; hops++) {
      JsonNode node = current.node();
      JsonNode ref = node.isObject() ? node.get("$ref") : null;
      if (ref == null || !ref.isTextual()) {
        return current;
      }
      Located target = lookup(ref.textValue(), current.document());
      if (target == null) {
        return current;
      }
      current = withSiblings(node, target);
    }
    return current;
  }

  private Located lookup(String ref, JsonNode document) {
    int hash = ref.indexOf('#');
    String base = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    JsonNode doc = base.isEmpty() ? document : references.get(base);
    if (doc == null) {
      return null;
    }
    if (fragment.isEmpty()) {
      return new Located(doc, doc, ref, this);
    }
    if (!fragment.startsWith("/")) {
      return null; // an anchor: not resolved, compared as text
    }
    JsonNode target;
    try {
      String decoded = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
      target = doc.at(JsonPointer.compile(decoded));
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    return target.isMissingNode() ? null : new Located(target, doc, ref, this);
  }

  /** Keywords beside a {@code $ref} (allowed from 2019-09) apply too; annotations do not matter. */
  private static Located withSiblings(JsonNode refNode, Located target) {
    boolean onlyRef = true;
    for (Iterator<String> it = refNode.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!"$ref".equals(key) && !ANNOTATIONS.contains(key)) {
        onlyRef = false;
        break;
      }
    }
    if (onlyRef || !target.node().isObject()) {
      return target;
    }
    ObjectNode merged = ((ObjectNode) target.node()).deepCopy();
    refNode
        .properties()
        .forEach(
            e -> {
              if (!"$ref".equals(e.getKey())) {
                merged.set(e.getKey(), e.getValue());
              }
            });
    return new Located(merged, target.document(), target.refKey(), target.owner());
  }
}
