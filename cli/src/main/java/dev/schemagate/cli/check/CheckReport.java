package dev.schemagate.cli.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A checkpoint's result: every rule's outcome on one source.
 *
 * @param contract the DataContract's name
 * @param source where the data was read (a table or a file), without credentials
 */
public record CheckReport(
    String contract,
    String source,
    long rows,
    Instant at,
    Duration took,
    List<RuleResult> results) {
  public CheckReport {
    results = List.copyOf(results);
  }

  public enum Verdict {
    PASSED,
    FAILED
  }

  /** Failed when a rule of severity error failed; warnings alone pass. */
  public Verdict verdict() {
    return results.stream().anyMatch(RuleResult::blocking) ? Verdict.FAILED : Verdict.PASSED;
  }

  public long failedRules() {
    return results.stream().filter(r -> r.status() == RuleResult.Status.FAILED).count();
  }
}
