package dev.schemagate.operator.dataschema;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.schemagate.core.schema.Fingerprint;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Fingerprints of schema texts this operator has parsed. A restart or a resync re-reads thousands
 * of unchanged schemas, and parsing them was then the operator's largest cost of its own. It keeps
 * fingerprints, not parsed schemas: those would not fit a small heap at 10,000 resources, while a
 * key holds strings the informer cache holds anyway.
 */
final class FingerprintMemo {
  private static final int CAPACITY = 50_000;

  private record Key(SchemaFormat format, String text, Map<String, String> referenced) {}

  private final Cache<Key, Fingerprint> known = Caffeine.newBuilder().maximumSize(CAPACITY).build();

  Optional<Fingerprint> known(SchemaFormat format, String text, Map<String, String> referenced) {
    return Optional.ofNullable(known.getIfPresent(new Key(format, text, referenced)));
  }

  void remember(
      SchemaFormat format, String text, Map<String, String> referenced, Fingerprint fingerprint) {
    known.put(new Key(format, text, Map.copyOf(referenced)), fingerprint);
  }
}
