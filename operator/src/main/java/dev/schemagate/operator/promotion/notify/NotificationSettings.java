package dev.schemagate.operator.promotion.notify;

import dev.schemagate.core.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where promotion and data-drift notifications go.
 *
 * @param slackWebhook {@code SCHEMAGATE_SLACK_WEBHOOK_URL}: a Slack incoming webhook
 * @param pagerDutyUrl {@code SCHEMAGATE_PAGERDUTY_EVENTS_URL}, default PagerDuty's Events API v2
 *     endpoint when a routing key is set
 * @param pagerDutyRoutingKey {@code SCHEMAGATE_PAGERDUTY_ROUTING_KEY}: the integration key
 * @param attempts tries per notification before giving up (logged), with doubling backoff
 * @param backoff the first wait between tries
 */
public record NotificationSettings(
    Optional<URI> slackWebhook,
    Optional<URI> pagerDutyUrl,
    Optional<String> pagerDutyRoutingKey,
    int attempts,
    Duration backoff) {
  static final URI PAGERDUTY_EVENTS = URI.create("https://events.pagerduty.com/v2/enqueue");

  public static NotificationSettings none() {
    return new NotificationSettings(
        Optional.empty(), Optional.empty(), Optional.empty(), 5, Duration.ofSeconds(1));
  }

  public static NotificationSettings from(Settings env) {
    Optional<String> routingKey = env.optional("SCHEMAGATE_PAGERDUTY_ROUTING_KEY");
    Optional<URI> pagerDuty =
        env.optional("SCHEMAGATE_PAGERDUTY_EVENTS_URL")
            .map(u -> env.url("SCHEMAGATE_PAGERDUTY_EVENTS_URL", u))
            .or(() -> routingKey.map(k -> PAGERDUTY_EVENTS));
    return new NotificationSettings(
        env.optional("SCHEMAGATE_SLACK_WEBHOOK_URL")
            .map(u -> env.url("SCHEMAGATE_SLACK_WEBHOOK_URL", u)),
        pagerDuty,
        routingKey,
        5,
        Duration.ofSeconds(1));
  }
}
