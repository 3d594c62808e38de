package dev.schemagate.operator.events;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What client-go's {@code EventCorrelator} does, in small: a token bucket per object (a burst of
 * {@value #BURST}, then one event per {@link #REFILL}) so one object cannot flood the API server,
 * and the memory of the events written lately so that a repeat within {@link #WINDOW} becomes a
 * count bump on the existing event instead of a new object. Both memories are bounded (least
 * recently used out). Used by the writer thread only, so not synchronized.
 */
final class EventCorrelator {
  static final int BURST = 25;
  static final Duration REFILL = Duration.ofMinutes(5);
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final int MAX_ENTRIES = 4096;

  /** An event already written: its name and count, and when it was last seen. */
  record Written(String name, int count, Instant last) {}

  private final Map<PendingEvent.ObjectKey, Bucket> buckets = lru();
  private final Map<PendingEvent.Key, Written> written = lru();

  /** False when the object has used up its burst: the event is dropped (spam). */
  boolean allow(PendingEvent event) {
    Bucket bucket = buckets.computeIfAbsent(event.object(), k -> new Bucket(event.at()));
    return bucket.take(event.at());
  }

  /** The event to bump, if the same event was written on the same object within the window. */
  Optional<Written> repeatOf(PendingEvent event) {
    Written last = written.get(event.key());
    return last != null && Duration.between(last.last(), event.at()).compareTo(WINDOW) < 0
        ? Optional.of(last)
        : Optional.empty();
  }

  void wrote(PendingEvent event, String name, int count) {
    written.put(event.key(), new Written(name, count, event.at()));
  }

  private static final class Bucket {
    private double tokens = BURST;
    private Instant refilled;

    Bucket(Instant now) {
      this.refilled = now;
    }

    boolean take(Instant now) {
      if (now.isAfter(refilled)) {
        tokens =
            Math.min(
                BURST,
                tokens + (double) Duration.between(refilled, now).toMillis() / REFILL.toMillis());
        refilled = now;
      }
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }
}
