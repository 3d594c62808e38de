package dev.schemagate.core.contract;

import java.util.List;
import java.util.stream.Collectors;

/** A contract spec that cannot be read: every problem found, each with its path. */
public class InvalidContractException extends Exception {
  private final List<ContractViolation> violations;

  public InvalidContractException(List<ContractViolation> violations) {
    super(violations.stream().map(ContractViolation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<ContractViolation> violations() {
    return violations;
  }
}
