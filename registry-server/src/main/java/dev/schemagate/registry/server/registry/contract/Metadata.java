package dev.schemagate.registry.server.registry.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Confluent's schema metadata: tags by path, free properties, names of sensitive fields. Sorted
 * like Confluent's entity so that equal metadata always serialises (and hashes) the same way.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Metadata(
    SortedMap<String, SortedSet<String>> tags,
    SortedMap<String, String> properties,
    SortedSet<String> sensitive) {
  public static final Metadata EMPTY = new Metadata(null, null, null);

  public Metadata {
    TreeMap<String, SortedSet<String>> sortedTags = new TreeMap<>();
    if (tags != null) {
      tags.forEach(
          (path, values) ->
              sortedTags.put(path, values == null ? new TreeSet<>() : new TreeSet<>(values)));
    }
    tags = sortedTags;
    properties = properties == null ? new TreeMap<>() : new TreeMap<>(properties);
    sensitive = sensitive == null ? new TreeSet<>() : new TreeSet<>(sensitive);
  }

  /** Confluent's merge: the newer side's non-empty maps and sets win key by key. */
  public static Metadata merge(Metadata older, Metadata newer) {
    return new Metadata(
        mergeMaps(older.tags, newer.tags),
        mergeMaps(older.properties, newer.properties),
        newer.sensitive.isEmpty()
            ? older.sensitive
            : older.sensitive.isEmpty()
                ? newer.sensitive
                : union(older.sensitive, newer.sensitive));
  }

  private static <T> SortedMap<String, T> mergeMaps(Map<String, T> older, Map<String, T> newer) {
    TreeMap<String, T> merged = new TreeMap<>(older);
    merged.putAll(newer);
    return merged;
  }

  private static SortedSet<String> union(SortedSet<String> a, SortedSet<String> b) {
    TreeSet<String> merged = new TreeSet<>(a);
    merged.addAll(b);
    return merged;
  }
}
