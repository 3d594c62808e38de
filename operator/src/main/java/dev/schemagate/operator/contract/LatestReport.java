package dev.schemagate.operator.contract;

import dev.schemagate.registry.client.RegistryException;
import java.util.Optional;

/**
 * What the registry says of a contract's latest report (a batch checkpoint, a drift report): found,
 * none recorded, or it did not say (unreachable, or it refused the operator).
 */
sealed interface LatestReport<T> {
  record Found<T>(T summary) implements LatestReport<T> {}

  record None<T>() implements LatestReport<T> {}

  record Unknown<T>(String why) implements LatestReport<T> {}

  /** One read of the registry; its failure is {@link Unknown}, never an exception. */
  static <T> LatestReport<T> read(Read<T> read) {
    try {
      return read.latest().<LatestReport<T>>map(Found::new).orElseGet(None::new);
    } catch (RegistryException e) {
      return new Unknown<>(e.reason() + ": " + e.getMessage());
    }
  }

  /**
   * What the status shows: the report found, none (null), or, when the registry is silent, what it
   * showed before (reports show up on the next reconcile, at the latest after the resync interval).
   */
  default T shown(T previous) {
    return switch (this) {
      case Found<T> found -> found.summary();
      case None<T> none -> null;
      case Unknown<T> unknown -> previous;
    };
  }

  /** The registry client's call for the latest report, already mapped to the status's summary. */
  @FunctionalInterface
  interface Read<T> {
    Optional<T> latest() throws RegistryException;
  }
}
