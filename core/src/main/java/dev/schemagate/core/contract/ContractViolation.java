package dev.schemagate.core.contract;

/**
 * One thing wrong with a contract.
 *
 * @param path where in the contract's spec, e.g. {@code quality[2].params.min}
 */
public record ContractViolation(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
