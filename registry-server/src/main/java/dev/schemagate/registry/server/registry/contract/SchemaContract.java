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

  public boolean isEmpty() {
    return metadata.isEmpty() && ruleSet.isEmpty();
  }

  /**
   * What this contract adds to a schema's content key: nothing when absent (so schemas stored
   * before contracts existed keep their keys), else a digest of the canonical JSON of each part.
   * Absent and present-but-empty differ, as in Confluent's hash.
   */
  public String keySuffix() {
    StringBuilder suffix = new StringBuilder();
    metadata.ifPresent(m -> suffix.append("|metadata:").append(digest(ContractJson.write(m))));
    ruleSet.ifPresent(r -> suffix.append("|ruleSet:").append(digest(ContractJson.write(r))));
    return suffix.toString();
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
