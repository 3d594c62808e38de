package dev.schemagate.cli.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.cli.manifest.ContractManifest;
import dev.schemagate.cli.manifest.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares two versions of a DataContract's spec, item by item. */
final class ContractChanges {
  private ContractChanges() {}

  static Optional<ContractDiff> compare(
      Optional<ContractManifest> base, Optional<ContractManifest> head) {
    if (head.isEmpty()) {
      ContractManifest gone = base.orElseThrow();
      return Optional.of(
          new ContractDiff(
              gone.id(),
              ContractDiff.Status.DELETED,
              gone.schemaRef(),
              gone.file(),
              gone.document().line(),
              List.of(
                  new ContractDiff.Item(
                      "",
                      "contract deleted: its consumers lose impact protection and its rules stop"
                          + " being enforced",
                      true,
                      gone.document().line()))));
    }
    ContractManifest now = head.get();
    List<ContractDiff.Item> items = new ArrayList<>();
    JsonNode before = base.map(ContractManifest::spec).orElse(null);
    JsonNode after = now.spec();
    YamlDocument document = now.document();
    if (base.isPresent()) {
      scalar(items, document, before, after, "schemaRef", true);
      scalar(items, document, before, after, "owner", false);
      scalar(items, document, before, after, "sla", false);
      scalar(items, document, before, after, "enforcement", true);
    }
    keyed(items, document, before, after, "quality", ContractChanges::ruleKey, true, false);
    keyed(items, document, before, after, "consumers", c -> c.path("name").asText(), false, true);
    keyed(items, document, before, after, "fields", c -> c.path("name").asText(), false, false);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ContractDiff(
            now.id(),
            base.isPresent() ? ContractDiff.Status.CHANGED : ContractDiff.Status.ADDED,
            now.schemaRef(),
            now.file(),
            document.line(),
            items));
  }

  private static String ruleKey(JsonNode rule) {
    return rule.path("rule").asText() + " on " + rule.path("field").asText();
  }

  private static void scalar(
      List<ContractDiff.Item> items,
      YamlDocument document,
      JsonNode before,
      JsonNode after,
      String key,
      boolean risky) {
    JsonNode was = before.path(key);
    JsonNode is = after.path(key);
    if (!was.equals(is)) {
      items.add(
          new ContractDiff.Item(
              key,
              "%s changed from %s to %s".formatted(key, render(was), render(is)),
              risky,
              lineOf(document, "/spec/" + key)));
    }
  }

  /**
   * Compares a list whose entries have an identity ({@code key}): added, removed and changed
   * entries. {@code riskyWhenAdded}: a new quality rule may reject what producers send today;
   * {@code riskyWhenRemoved}: a consumer dropped from the contract loses impact protection.
   */
  private static void keyed(
      List<ContractDiff.Item> items,
      YamlDocument document,
      JsonNode before,
      JsonNode after,
      String list,
      java.util.function.Function<JsonNode, String> key,
      boolean riskyWhenAdded,
      boolean riskyWhenRemoved) {
    Map<String, JsonNode> was = index(before == null ? null : before.path(list), key);
    Map<String, Integer> positions = new LinkedHashMap<>();
    Map<String, JsonNode> is = index(after.path(list), key);
    int i = 0;
    for (JsonNode entry : after.path(list)) {
      positions.put(key.apply(entry), i++);
    }
    String singular = list.equals("quality") ? "quality rule" : list.replaceAll("s$", "");
    for (var entry : is.entrySet()) {
      int line = lineOf(document, "/spec/%s/%d".formatted(list, positions.get(entry.getKey())));
      JsonNode old = was.get(entry.getKey());
      if (old == null) {
        items.add(
            new ContractDiff.Item(
                list + "/" + entry.getKey(),
                "%s added: %s %s".formatted(singular, entry.getKey(), render(entry.getValue())),
                riskyWhenAdded,
                line));
      } else if (!old.equals(entry.getValue())) {
        items.add(
            new ContractDiff.Item(
                list + "/" + entry.getKey(),
                "%s %s changed from %s to %s"
                    .formatted(singular, entry.getKey(), render(old), render(entry.getValue())),
                riskyWhenAdded,
                line));
      }
    }
    for (var entry : was.entrySet()) {
      if (!is.containsKey(entry.getKey())) {
        items.add(
            new ContractDiff.Item(
                list + "/" + entry.getKey(),
                "%s removed: %s".formatted(singular, entry.getKey()),
                riskyWhenRemoved,
                lineOf(document, "/spec/" + list)));
      }
    }
  }

  private static Map<String, JsonNode> index(
      JsonNode list, java.util.function.Function<JsonNode, String> key) {
    Map<String, JsonNode> index = new LinkedHashMap<>();
    if (list != null && list.isArray()) {
      list.forEach(entry -> index.putIfAbsent(key.apply(entry), entry));
    }
    return index;
  }

  /** The line of the first scalar at or under {@code pointer}. */
  private static int lineOf(YamlDocument document, String pointer) {
    return document.valueLines().entrySet().stream()
        .filter(e -> e.getKey().equals(pointer) || e.getKey().startsWith(pointer + "/"))
        .mapToInt(Map.Entry::getValue)
        .min()
        .orElse(document.line());
  }

  private static String render(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "(none)" : node.toString();
  }
}
