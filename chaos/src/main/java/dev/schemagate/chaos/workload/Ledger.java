package dev.schemagate.chaos.workload;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Record keys, where each was acknowledged by the broker and where each was handled. Handling the
 * same offset twice is a redelivery (at-least-once, after an aborted batch); the same key handled
 * at two different offsets is a duplicate in the data, which is what must never happen.
 */
public final class Ledger {
  private final Set<String> produced = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> handledAt = new ConcurrentHashMap<>();
  private final AtomicLong redeliveries = new AtomicLong();

  public void produced(String key) {
    produced.add(key);
  }

  /** Returns whether this was the first time this key was handled at all. */
  public boolean handled(String key, String topic, int partition, long offset) {
    Set<String> offsets = handledAt.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
    boolean fresh = offsets.isEmpty();
    if (!offsets.add(topic + "/" + partition + "/" + offset)) {
      redeliveries.incrementAndGet();
    }
    return fresh;
  }

  public Set<String> produced() {
    return Set.copyOf(produced);
  }

  public Set<String> handled() {
    return Set.copyOf(handledAt.keySet());
  }

  public int producedCount() {
    return produced.size();
  }

  public int handledCount() {
    return handledAt.size();
  }

  /** Keys handled at more than one distinct offset. */
  public Set<String> duplicates() {
    Set<String> keys = new java.util.TreeSet<>();
    handledAt.forEach(
        (key, offsets) -> {
          if (offsets.size() > 1) {
            keys.add(key);
          }
        });
    return keys;
  }

  public long redeliveries() {
    return redeliveries.get();
  }
}
