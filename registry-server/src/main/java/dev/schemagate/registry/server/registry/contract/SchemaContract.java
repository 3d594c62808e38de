package dev.schemagate.registry.server.registry.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A schema's data contract as Confluent defines it: optional metadata and an optional ruleSet. Both
 * are part of a schema's identity (Confluent hashes schema, references, metadata and ruleSet to
 * find an existing id), so the same text with another ruleSet is another schema with its own id.
 */
public record SchemaContract(Optional<Metadata> metadata, Optional<RuleSet> ruleSet) {
  public static final SchemaContract NONE = new SchemaContract(Optional.empty(), Optional.empty());

  /**
   * Confluent's metadata property holding the version a schema was registered as: set when a
   * registration names its version (optimistic concurrency: the registration fails unless that is
   * the next version) and kept up to date once present; not part of the identity.
   */
  public static final String CONFLUENT_VERSION = "confluent:version";

  /** Whether the metadata carries {@link #CONFLUENT_VERSION}. */
  public boolean hasVersionStamp() {
    return metadata.map(m -> m.properties().containsKey(CONFLUENT_VERSION)).orElse(false);
  }

  /** This contract with {@link #CONFLUENT_VERSION} set to {@code version}. */
  public SchemaContract stampedWith(int version) {
    Metadata m = metadata.orElse(Metadata.EMPTY);
    java.util.TreeMap<String, String> properties = new java.util.TreeMap<>(m.properties());
    properties.put(CONFLUENT_VERSION, String.valueOf(version));
    return new SchemaContract(
        Optional.of(new Metadata(m.tags(), properties, m.sensitive())), ruleSet);
  }

  public boolean isEmpty() {
    return metadata.isEmpty() && ruleSet.isEmpty();
  }

  /**
   * What this contract adds to a schema's content key: nothing when absent (so schemas stored
   * before contracts existed keep their keys), else a digest of the canonical JSON of each part.
   * Absent and present-but-empty differ, as in Confluent's hash. {@link #CONFLUENT_VERSION} is left
   * out (metadata holding nothing else counts as absent): the same schema registered again finds
   * its id whatever version number it carries, as Confluent's lookup ignores it.
   */
  public String keySuffix() {
    StringBuilder suffix = new StringBuilder();
    metadata
        .flatMap(SchemaContract::withoutVersionStamp)
        .ifPresent(m -> suffix.append("|metadata:").append(digest(ContractJson.write(m))));
    ruleSet.ifPresent(r -> suffix.append("|ruleSet:").append(digest(ContractJson.write(r))));
    return suffix.toString();
  }

  private static Optional<Metadata> withoutVersionStamp(Metadata m) {
    if (!m.properties().containsKey(CONFLUENT_VERSION)) {
      return Optional.of(m);
    }
    java.util.TreeMap<String, String> properties = new java.util.TreeMap<>(m.properties());
    properties.remove(CONFLUENT_VERSION);
    Metadata rest = new Metadata(m.tags(), properties, m.sensitive());
    return rest.tags().isEmpty() && rest.properties().isEmpty() && rest.sensitive().isEmpty()
        ? Optional.empty()
        : Optional.of(rest);
  }

  private static String digest(String canonical) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
