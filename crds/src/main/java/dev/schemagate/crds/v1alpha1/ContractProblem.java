package dev.schemagate.crds.v1alpha1;

/**
 * Why a contract is not valid.
 *
 * @param path where in the contract, e.g. {@code spec.quality[2].field}
 * @param message what is wrong and how to fix it
 */
public record ContractProblem(String path, String message) {}
