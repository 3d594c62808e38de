package dev.schemagate.sdk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The SDK's counters, tagged by topic: {@code schemagate.sdk.records.validated}, {@code
 * schemagate.sdk.records.refused} (tag {@code reason}), {@code
 * schemagate.sdk.records.dead.lettered} (tag {@code reason}). Counters are looked up once per topic
 * and reason, not per record.
 */
public final class SdkMetrics {
  public static final String VALIDATED = "schemagate.sdk.records.validated";
  public static final String REFUSED = "schemagate.sdk.records.refused";
  public static final String DEAD_LETTERED = "schemagate.sdk.records.dead.lettered";

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> validatedByTopic = new ConcurrentHashMap<>();

  public SdkMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** On the hot path: one map lookup by topic, no allocation. */
  public void validated(String topic) {
    Counter counter = validatedByTopic.get(topic);
    if (counter == null) {
      counter = validatedByTopic.computeIfAbsent(topic, t -> counter(VALIDATED, t, ""));
    }
    counter.increment();
  }

  public void refused(String topic, SerdeException.Reason reason) {
    counter(REFUSED, topic, reason.name()).increment();
  }

  public void deadLettered(String topic, String reason) {
    counter(DEAD_LETTERED, topic, reason).increment();
  }

  private Counter counter(String name, String topic, String reason) {
    String key = name + '\u0000' + topic + '\u0000' + reason;
    Counter counter = counters.get(key);
    if (counter == null) {
      var builder = Counter.builder(name).tag("topic", topic);
      if (!reason.isEmpty()) {
        builder.tag("reason", reason);
      }
      counter = counters.computeIfAbsent(key, k -> builder.register(registry));
    }
    return counter;
  }
}
