package dev.schemagate.webhooks;

import dev.schemagate.core.config.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the admission path itself, read once from the environment beside {@link
 * WebhookConfig} (kept apart so that either can change without touching the other).
 *
 * @param reviewDeadline every review is answered within this, a denial saying why if the check has
 *     not finished: it must stay below the webhook configuration's {@code timeoutSeconds} (5 s)
 * @param metricsPort plain-HTTP {@code /metrics}; -1 serves none
 */
public record AdmissionSettings(Duration reviewDeadline, int metricsPort) {
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(4);

  public AdmissionSettings {
    if (reviewDeadline.isZero() || reviewDeadline.isNegative()) {
      throw new IllegalArgumentException("SCHEMAGATE_WEBHOOK_DEADLINE: must be more than 0");
    }
    if (metricsPort < -1 || metricsPort > 65535) {
      throw new IllegalArgumentException(
          "SCHEMAGATE_METRICS_PORT: " + metricsPort + " is not a port (0-65535, or -1 for none)");
    }
  }

  public static final int DEFAULT_METRICS_PORT = 8080;

  /** For code that wires the webhook itself (tests, benchmarks): no metrics port. */
  public static AdmissionSettings defaults() {
    return new AdmissionSettings(DEFAULT_DEADLINE, -1);
  }

  /** Reads {@code SCHEMAGATE_WEBHOOK_DEADLINE} and {@code SCHEMAGATE_METRICS_PORT}. */
  public static AdmissionSettings from(Settings env) {
    return new AdmissionSettings(
        env.positiveDuration("SCHEMAGATE_WEBHOOK_DEADLINE", DEFAULT_DEADLINE.toMillis() + "ms"),
        env.integer("SCHEMAGATE_METRICS_PORT", DEFAULT_METRICS_PORT, -1, 65535));
  }

  public static AdmissionSettings fromEnv(Map<String, String> env)
      throws WebhookConfig.InvalidConfig {
    try {
      return from(Settings.of(env));
    } catch (IllegalArgumentException invalid) {
      throw new WebhookConfig.InvalidConfig(invalid.getMessage());
    }
  }
}
