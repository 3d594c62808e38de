package dev.schemagate.webhooks.metrics;

import dev.schemagate.core.review.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * The webhook's two meters, as the chart's dashboard reads them: {@code
 * schemagate_admission_duration_seconds} (tags {@code kind}, {@code operation}) and {@code
 * schemagate_admission_decisions_total} (tags {@code kind}, {@code decision} = allowed|denied,
 * {@code reason}). Every tag value comes from a closed set, so a client sending made-up operations
 * cannot grow the series without bound.
 */
public final class AdmissionMetrics {
  private static final Set<String> OPERATIONS = Set.of("CREATE", "UPDATE", "DELETE", "CONNECT");
  private final MeterRegistry registry;

  public AdmissionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** {@code kind} is the reviewer's own kind (a fixed set), never the request's. */
  public void record(String kind, String operation, Decision decision, Duration took) {
    String op = OPERATIONS.contains(operation) ? operation : "OTHER";
    Timer.builder("schemagate.admission.duration")
        .description("Time from a decoded AdmissionReview to its answer")
        .tag("kind", kind)
        .tag("operation", op)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(took);
    Counter.builder("schemagate.admission.decisions")
        .description("Admission answers by kind, decision and reason")
        .tag("kind", kind)
        .tag("decision", decision.allowed() ? "allowed" : "denied")
        .tag("reason", reason(decision))
        .register(registry)
        .increment();
  }

  private static String reason(Decision decision) {
    return switch (decision) {
      case Decision.Allowed allowed ->
          allowed.warnings().isEmpty() ? "None" : "AllowedWithWarnings";
      case Decision.Denied denied -> denied.reason().code();
    };
  }
}
