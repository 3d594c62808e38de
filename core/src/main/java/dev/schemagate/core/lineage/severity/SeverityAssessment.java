package dev.schemagate.core.lineage.severity;

import dev.schemagate.core.lineage.AffectedAsset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A graded impact: the severity, the rule that gave it (none when no rule matched), the assets that
 * made the rule match, whether the policy blocks at this grade, and why, in words.
 */
public record SeverityAssessment(
    Severity severity,
    Optional<String> rule,
    List<AffectedAsset> decisive,
    boolean blocking,
    String reason) {
  public SeverityAssessment {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    decisive = List.copyOf(decisive);
    Objects.requireNonNull(reason, "reason");
  }
}
