package dev.schemagate.operator.promotion;

import dev.schemagate.operator.promotion.notify.NotificationSettings;
import java.time.Duration;
import java.util.Map;

/**
 * How promotions run: the environments and their registries ({@code SCHEMAGATE_ENVIRONMENTS}), how
 * long a registry may take, how soon to retry, and where notices go.
 */
public record PromotionSettings(
    Environments environments,
    Duration registryTimeout,
    Duration retryInterval,
    NotificationSettings notifications) {

  public static PromotionSettings fromEnv(
      Map<String, String> env, Duration registryTimeout, Duration retryInterval) {
    return new PromotionSettings(
        Environments.parse(env.get("SCHEMAGATE_ENVIRONMENTS")),
        registryTimeout,
        retryInterval,
        NotificationSettings.fromEnv(env));
  }
}
