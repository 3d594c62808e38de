package dev.schemagate.cli.diff;

import java.util.List;

/**
 * What changed in one DataContract: its rules, consumers, owners, fields, SLA, enforcement.
 *
 * @param id {@code namespace/name}
 * @param status added, changed or deleted
 * @param file the file that declares it (base's for a deletion)
 * @param line where it is declared
 * @param changes each change, for a person
 */
public record ContractDiff(
    String id, Status status, String schemaRef, String file, int line, List<Item> changes) {
  /** The closed set of things that can happen to a contract. */
  public enum Status {
    ADDED,
    CHANGED,
    DELETED
  }

  /**
   * One change.
   *
   * @param path where in the spec ({@code quality}, {@code consumers/fct_revenue}, {@code owner})
   * @param change what changed
   * @param risky whether it can affect producers or consumers (a new quality rule can reject
   *     records producers send today; a removed consumer loses its impact protection)
   */
  public record Item(String path, String change, boolean risky, int line) {}

  public ContractDiff {
    changes = List.copyOf(changes);
  }
}
