package dev.schemagate.operator.promotion;

import dev.schemagate.core.config.Environments;
import dev.schemagate.core.config.Settings;
import dev.schemagate.operator.promotion.notify.NotificationSettings;
import java.time.Duration;

/**
 * How promotions run: the environments and their registries ({@code SCHEMAGATE_ENVIRONMENTS}), how
 * long a registry may take, how soon to retry, and where notices go.
 */
public record PromotionSettings(
    Environments environments,
    Duration registryTimeout,
    Duration retryInterval,
    NotificationSettings notifications) {

  public static PromotionSettings from(
      Settings env, Duration registryTimeout, Duration retryInterval) {
    return new PromotionSettings(
        env.environments(), registryTimeout, retryInterval, NotificationSettings.from(env));
  }
}
