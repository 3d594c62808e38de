package dev.schemagate.core.review;

import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.CompatibilityChecker;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaLimitException;
import dev.schemagate.core.schema.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a proposed schema may be registered under its subject, given the subject's
 * registered history: the one judgement the admission webhook, the operator and the CLI share.
 * Pure: no I/O, safe to call from any thread.
 */
public final class SchemaChangeReview {
  private final SchemaParser parser;
  private final CompatibilityChecker checker;

  public SchemaChangeReview(SchemaParser parser, CompatibilityChecker checker) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.checker = Objects.requireNonNull(checker, "checker");
  }

  /** Parses {@code registered} (oldest first) and reviews against it. */
  public Decision review(ProposedSchema proposed, List<RegisteredVersion> registered) {
    return review(proposed, SubjectHistory.parse(parser, registered));
  }

  public Decision review(ProposedSchema proposed, SubjectHistory history) {
    try {
      return judge(proposed, history);
    } catch (SchemaLimitException limit) {
      return Decision.deny(
          DenialReason.SCHEMA_TOO_COMPLEX,
          "schema for subject \"%s\" cannot be checked: %s"
              .formatted(proposed.subject(), limit.getMessage()));
    }
  }

  private Decision judge(ProposedSchema proposed, SubjectHistory history) {
    ParsedSchema candidate;
    try {
      candidate = parser.parse(proposed.format(), proposed.schema(), proposed.references());
    } catch (InvalidSchemaException invalid) {
      return Decision.deny(
          DenialReason.INVALID_SCHEMA,
          "%s schema for subject \"%s\" is invalid: %s"
              .formatted(proposed.format(), proposed.subject(), invalid.getMessage()));
    }
    if (history.unreadable().isPresent()) {
      return Decision.deny(
          DenialReason.INVALID_SCHEMA,
          "subject \"%s\" cannot be checked: %s"
              .formatted(proposed.subject(), history.unreadable().get()));
    }
    if (history.isEmpty()) {
      return Decision.allow(levelWarnings(proposed.level()));
    }
    SubjectHistory.Version latest = history.latest().orElseThrow();
    if (latest.schema().format() != candidate.format()) {
      return Decision.deny(
          DenialReason.INCOMPATIBLE,
          "subject \"%s\" holds %s schemas (version %d); a %s schema cannot be registered under it"
              .formatted(
                  proposed.subject(),
                  latest.schema().format(),
                  latest.number(),
                  candidate.format()));
    }
    if (isRegistered(candidate, history)) {
      // Re-applying registered content is idempotent: the registry answers with the same id.
      return Decision.allow();
    }
    CompatibilityResult result = checker.check(proposed.level(), history.schemas(), candidate);
    if (!result.compatible()) {
      List<Change> breaking = result.breakingChanges();
      return new Decision.Denied(
          DenialReason.INCOMPATIBLE,
          DenialMessages.incompatible(proposed.subject(), proposed.level(), history, breaking),
          breaking);
    }
    return Decision.allow(warnings(proposed.level(), result));
  }

  private static boolean isRegistered(ParsedSchema candidate, SubjectHistory history) {
    return history.versions().stream()
        .anyMatch(v -> v.schema().fingerprint().equals(candidate.fingerprint()));
  }

  private static List<String> warnings(CompatibilityLevel level, CompatibilityResult result) {
    List<String> warnings = new ArrayList<>(levelWarnings(level));
    boolean docOnly =
        !result.changes().isEmpty()
            && result.changes().stream().allMatch(c -> c.type() == ChangeType.DOC_CHANGED);
    if (docOnly) {
      warnings.add("only documentation changed: consider whether a new version is worth it");
    }
    return warnings;
  }

  private static List<String> levelWarnings(CompatibilityLevel level) {
    return level == CompatibilityLevel.NONE
        ? List.of(
            "compatibility NONE: changes are not checked, so a breaking change will reach"
                + " consumers; prefer BACKWARD or stricter")
        : List.of();
  }
}
