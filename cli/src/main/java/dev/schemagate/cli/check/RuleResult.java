package dev.schemagate.cli.check;

import java.util.List;

/**
 * The outcome of one {@link RuleCheck}.
 *
 * @param failing how many rows broke the rule (1 for a dataset rule that failed)
 * @param samples up to {@link #MAX_SAMPLES} of the rows that broke it, as one line each
 * @param detail what a person needs to act on, e.g. the newest timestamp seen
 */
public record RuleResult(
    RuleCheck check, Status status, long failing, List<String> samples, String detail) {
  public static final int MAX_SAMPLES = 5;

  public RuleResult {
    samples = List.copyOf(samples);
  }

  public enum Status {
    PASSED,
    FAILED,
    /** Could not be evaluated on this source (e.g. freshness with no field named). */
    SKIPPED
  }

  /** Whether this result fails the checkpoint: a failed rule of severity error. */
  public boolean blocking() {
    return status == Status.FAILED
        && check.severity() == dev.schemagate.core.contract.Contract.Severity.ERROR;
  }
}
