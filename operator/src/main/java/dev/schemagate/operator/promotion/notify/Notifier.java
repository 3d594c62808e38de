package dev.schemagate.operator.promotion.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends promotion and data-drift notices to Slack and PagerDuty in the background: {@link #send}
 * returns at once, each POST is retried with doubling backoff on a network error, a 429 or a 5xx,
 * and a notice that cannot be delivered is logged and dropped. A reconcile never waits for, or
 * fails on, a notification.
 */
public final class Notifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final NotificationSettings settings;
  private final NotificationTemplates templates = new NotificationTemplates();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("schemagate-notifier").daemon(true).unstarted(r));

  public Notifier(NotificationSettings settings) {
    this.settings = settings;
  }

  public void send(PromotionNotice notice) {
    deliver(
        "promotion notice " + notice.event(),
        () -> templates.slack(notice),
        key -> templates.pagerDuty(notice, key));
  }

  public void send(DriftNotice notice) {
    deliver(
        "drift notice " + notice.event(),
        () -> templates.slack(notice),
        key -> templates.pagerDuty(notice, key));
  }

  private void deliver(
      String what,
      java.util.function.Supplier<String> slack,
      java.util.function.Function<String, String> pagerDuty) {
    try {
      settings.slackWebhook().ifPresent(url -> post("slack", url, slack.get(), 1));
      if (settings.pagerDutyUrl().isPresent() && settings.pagerDutyRoutingKey().isPresent()) {
        post(
            "pagerduty",
            settings.pagerDutyUrl().get(),
            pagerDuty.apply(settings.pagerDutyRoutingKey().get()),
            1);
      }
    } catch (RuntimeException e) {
      log.warn("{} not sent: {}", what, e.getMessage());
    }
  }

  private void post(String channel, URI url, String body, int attempt) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              boolean retryable =
                  error != null || response.statusCode() == 429 || response.statusCode() >= 500;
              if (!retryable && response.statusCode() / 100 == 2) {
                return;
              }
              String why = error != null ? error.toString() : "HTTP " + response.statusCode();
              if (!retryable || attempt >= settings.attempts()) {
                log.warn(
                    "{} notification to {} dropped after {} attempt(s): {}",
                    channel,
                    url,
                    attempt,
                    why);
                return;
              }
              long wait = settings.backoff().toMillis() << (attempt - 1);
              log.info("{} notification failed ({}), retrying in {} ms", channel, why, wait);
              try {
                scheduler.schedule(
                    () -> post(channel, url, body, attempt + 1), wait, TimeUnit.MILLISECONDS);
              } catch (java.util.concurrent.RejectedExecutionException stopping) {
                log.warn("{} notification dropped: the operator is stopping", channel);
              }
            });
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
