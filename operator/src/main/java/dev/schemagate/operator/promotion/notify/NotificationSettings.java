package dev.schemagate.operator.promotion.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where promotion notifications go.
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

  public static NotificationSettings fromEnv(Map<String, String> env) {
    Optional<String> routingKey = nonBlank(env.get("SCHEMAGATE_PAGERDUTY_ROUTING_KEY"));
    Optional<URI> pagerDuty =
        nonBlank(env.get("SCHEMAGATE_PAGERDUTY_EVENTS_URL"))
            .map(u -> url("SCHEMAGATE_PAGERDUTY_EVENTS_URL", u))
            .or(() -> routingKey.map(k -> PAGERDUTY_EVENTS));
    return new NotificationSettings(
        nonBlank(env.get("SCHEMAGATE_SLACK_WEBHOOK_URL"))
            .map(u -> url("SCHEMAGATE_SLACK_WEBHOOK_URL", u)),
        pagerDuty,
        routingKey,
        5,
        Duration.ofSeconds(1));
  }

  private static URI url(String name, String value) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + "='" + value + "' is not an http(s) URL");
    }
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
