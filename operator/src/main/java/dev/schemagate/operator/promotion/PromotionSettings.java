package dev.schemagate.operator.promotion;

import dev.schemagate.core.config.Environments;
import dev.schemagate.core.config.Settings;
import dev.schemagate.operator.promotion.notify.NotificationSettings;
import dev.schemagate.registry.client.RegistryAccess;
import java.time.Duration;

/**
 * How promotions run: the environments and their registries ({@code SCHEMAGATE_ENVIRONMENTS}), how
 * long a registry may take, how soon to retry, where notices go, and the credentials sent to every
 * environment's registry (the operator's one set, {@code SCHEMAGATE_REGISTRY_*}).
 */
public record PromotionSettings(
    Environments environments,
    Duration registryTimeout,
    Duration retryInterval,
    NotificationSettings notifications,
    RegistryAccess registryAccess) {

  public static PromotionSettings from(
      Settings env, Duration registryTimeout, Duration retryInterval, RegistryAccess access) {
    return new PromotionSettings(
        env.environments(), registryTimeout, retryInterval, NotificationSettings.from(env), access);
  }
}
