package dev.schemagate.webhooks.registry;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Coalesces "what is the subject's latest version?" requests for one subject. A review may only use
 * an answer the registry gave after the review arrived, so it never joins a request already under
 * way; it waits for the next one, which starts as soon as the current one ends and serves every
 * review that arrived meanwhile. At most one request per subject is in flight, so when the registry
 * slows down, the reviews share its answers instead of piling more load on it.
 */
final class FreshnessProbe<T> {
  private final Supplier<CompletableFuture<T>> send;
  private CompletableFuture<T> inFlight;
  private CompletableFuture<T> next;

  FreshnessProbe(Supplier<CompletableFuture<T>> send) {
    this.send = send;
  }

  /** An answer from a request sent at or after this call. */
  synchronized CompletableFuture<T> request() {
    if (inFlight == null) {
      return start();
    }
    if (next == null) {
      next = new CompletableFuture<>();
    }
    return next;
  }

  private CompletableFuture<T> start() {
    CompletableFuture<T> sent = send.get();
    inFlight = sent;
    sent.whenComplete((value, failure) -> ended(sent));
    return sent;
  }

  private synchronized void ended(CompletableFuture<T> done) {
    if (inFlight != done) {
      return;
    }
    inFlight = null;
    if (next != null) {
      CompletableFuture<T> waiting = next;
      next = null;
      start()
          .whenComplete(
              (value, failure) -> {
                if (failure != null) {
                  waiting.completeExceptionally(failure);
                } else {
                  waiting.complete(value);
                }
              });
    }
  }
}
