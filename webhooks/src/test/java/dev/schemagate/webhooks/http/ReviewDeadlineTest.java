package dev.schemagate.webhooks.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReviewDeadlineTest {
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void release() {
    never.countDown();
  }

  private Decision stuck() throws InterruptedException {
    never.await();
    return Decision.allow();
  }

  @Test
  void shouldDenyACheckStillRunningAtTheDeadlineSayingWhy() {
    try (ReviewDeadline deadline = new ReviewDeadline(Duration.ofMillis(300), 4)) {
      long started = System.nanoTime();
      Decision decision =
          deadline.run(this::stuck, why -> Decision.deny(DenialReason.UNAVAILABLE, why));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(took).isLessThan(Duration.ofSeconds(2));
      assertThat(decision).isInstanceOf(Decision.Denied.class);
      Decision.Denied denied = (Decision.Denied) decision;
      assertThat(denied.reason()).isEqualTo(DenialReason.CHECK_TIMED_OUT);
      assertThat(denied.message())
          .contains("did not finish within 300 ms")
          .contains("timeoutSeconds");
    }
  }

  @Test
  void shouldInterruptTheAbandonedCheck() {
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch ended = new CountDownLatch(1);
    try (ReviewDeadline deadline = new ReviewDeadline(Duration.ofMillis(200), 4)) {
      deadline.run(
          () -> {
            try {
              never.await();
            } catch (InterruptedException e) {
              interrupted.set(true);
            } finally {
              ended.countDown();
            }
            return Decision.allow();
          },
          why -> Decision.deny(DenialReason.UNAVAILABLE, why));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> ended.getCount() == 0);
      assertThat(interrupted).isTrue();
    }
  }

  @Test
  void shouldAnswerFromTheFallbackWhenAbandonedChecksHoldEverySlot() {
    try (ReviewDeadline deadline = new ReviewDeadline(Duration.ofMillis(200), 1)) {
      // A check that ignores interrupts keeps its slot after the deadline.
      Decision first =
          deadline.run(
              () -> {
                while (never.getCount() > 0) {
                  Thread.onSpinWait();
                }
                return Decision.allow();
              },
              why -> Decision.deny(DenialReason.UNAVAILABLE, why));
      assertThat(first.allowed()).isFalse();

      Decision second =
          deadline.run(Decision::allow, why -> Decision.deny(DenialReason.UNAVAILABLE, why));

      assertThat(second).isInstanceOf(Decision.Denied.class);
      assertThat(((Decision.Denied) second).reason()).isEqualTo(DenialReason.UNAVAILABLE);
      assertThat(((Decision.Denied) second).message()).contains("1 checks already running");
    }
  }

  @Test
  void shouldPassAQuickDecisionThrough() {
    try (ReviewDeadline deadline = new ReviewDeadline(Duration.ofSeconds(2), 4)) {
      assertThat(
              deadline
                  .run(Decision::allow, why -> Decision.deny(DenialReason.UNAVAILABLE, why))
                  .allowed())
          .isTrue();
    }
  }
}
