package dev.schemagate.webhooks;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the admission path itself, read once from the environment beside {@link
 * WebhookConfig} (kept apart so that either can change without touching the other).
 *
 * @param reviewDeadline every review is answered within this, a denial saying why if the check has
 *     not finished: it must stay below the webhook configuration's {@code timeoutSeconds} (5 s)
 */
public record AdmissionSettings(Duration reviewDeadline) {
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(4);

  public AdmissionSettings {
    if (reviewDeadline.isZero() || reviewDeadline.isNegative()) {
      throw new IllegalArgumentException("SCHEMAGATE_WEBHOOK_DEADLINE: must be more than 0");
    }
  }

  public static AdmissionSettings defaults() {
    return new AdmissionSettings(DEFAULT_DEADLINE);
  }

  public static AdmissionSettings fromEnv(Map<String, String> env)
      throws WebhookConfig.InvalidConfig {
    try {
      return new AdmissionSettings(
          WebhookConfig.duration(
              "SCHEMAGATE_WEBHOOK_DEADLINE",
              env.getOrDefault("SCHEMAGATE_WEBHOOK_DEADLINE", DEFAULT_DEADLINE.toMillis() + "ms")));
    } catch (IllegalArgumentException invalid) {
      throw new WebhookConfig.InvalidConfig(invalid.getMessage());
    }
  }
}
