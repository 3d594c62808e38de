package dev.schemagate.webhooks.http;

import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers every review within {@code deadline}, so the API server hears a reason instead of its own
 * timeout ("context deadline exceeded"). A check still running at the deadline is interrupted and
 * denied; since a CPU-bound check may not notice the interrupt, at most {@code maxInFlight} checks
 * run at once, so abandoned ones cannot pile up and starve the next reviews.
 */
final class ReviewDeadline implements AutoCloseable {
  private final Duration deadline;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();

  ReviewDeadline(Duration deadline, int maxInFlight) {
    this.deadline = deadline;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /** What to answer when the review could not run or failed unexpectedly. */
  interface Fallback {
    Decision busy(String why);
  }

  Decision run(Callable<Decision> review, Fallback fallback) {
    long started = System.nanoTime();
    try {
      if (!inFlight.tryAcquire(deadline.toMillis() / 2, TimeUnit.MILLISECONDS)) {
        return fallback.busy("%d checks already running".formatted(maxInFlight));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback.busy("interrupted");
    }
    Future<Decision> check =
        checks.submit(
            () -> {
              try {
                return review.call();
              } finally {
                inFlight.release();
              }
            });
    long left = deadline.toNanos() - (System.nanoTime() - started);
    try {
      return check.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
    } catch (TimeoutException tooSlow) {
      check.cancel(true);
      return Decision.deny(
          DenialReason.CHECK_TIMED_OUT,
          ("the check did not finish within %d ms, the webhook's deadline (it answers before the"
                  + " API server's timeoutSeconds): the compatibility check, the registry or the"
                  + " Kubernetes API took too long; if the registry and the cluster are healthy,"
                  + " the schema is too costly to check at admission: simplify it (fewer nested"
                  + " records, shorter unions and patterns), or run `schemagate compat` on it")
              .formatted(deadline.toMillis()));
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      check.cancel(true);
      return fallback.busy("interrupted");
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }
}
