package dev.schemagate.operator.events;

import java.util.concurrent.TimeUnit;

/**
 * The writer's pace: a token bucket of {@code perSecond} writes a second with a burst of twice
 * that, as the kubelet's {@code --event-qps}/{@code --event-burst} (50/100). When the writer is
 * held back the queue fills and new events are dropped, so a cold start of thousands of resources
 * spends the API server on status, not on a history nobody reads at that rate. Used by the writer
 * thread only.
 */
final class EventPace {
  private final double perSecond;
  private final double burst;
  private double tokens;
  private long refilled = System.nanoTime();

  /** {@code perSecond} 0: no limit. */
  EventPace(int perSecond) {
    this.perSecond = perSecond;
    this.burst = 2.0 * perSecond;
    this.tokens = burst;
  }

  /** Waits, if need be, until one more write is allowed. */
  void acquire() throws InterruptedException {
    if (perSecond == 0) {
      return;
    }
    refill();
    if (tokens < 1) {
      TimeUnit.NANOSECONDS.sleep((long) ((1 - tokens) / perSecond * 1e9));
      refill();
    }
    tokens -= 1;
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - refilled) / 1e9 * perSecond);
    refilled = now;
  }
}
