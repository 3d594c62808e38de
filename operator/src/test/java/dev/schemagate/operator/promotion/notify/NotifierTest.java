package dev.schemagate.operator.promotion.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery to a local web server: retried with backoff, and never on the caller's thread. */
class NotifierTest {
  private HttpServer server;
  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int failures;
  private volatile boolean hold;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (hold) {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          boolean fail = attempts.incrementAndGet() <= failures;
          if (!fail) {
            received.add(body);
          }
          exchange.sendResponseHeaders(fail ? 503 : 200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private Notifier notifier(int attemptsAllowed) {
    URI hook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    return new Notifier(
        new NotificationSettings(
            Optional.of(hook),
            Optional.empty(),
            Optional.empty(),
            attemptsAllowed,
            Duration.ofMillis(20)));
  }

  private static PromotionNotice notice() {
    return new PromotionNotice(
        "failed",
        "ns",
        "p",
        "orders-value",
        2,
        "dev",
        "staging",
        "NONE",
        "TargetUnreachable",
        List.of(),
        List.of(),
        "staging's registry did not answer");
  }

  @Test
  void shouldRetryUntilTheHookAnswers() {
    failures = 2;
    try (Notifier notifier = notifier(5)) {
      notifier.send(notice());

      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
      assertThat(attempts.get()).isEqualTo(3);
      assertThat(received.peek()).contains("Promotion failed", "orders-value");
    }
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptWithoutThrowing() {
    failures = 100;
    try (Notifier notifier = notifier(3)) {
      notifier.send(notice());

      await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 3);
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> attempts.get() == 3);
      assertThat(received).isEmpty();
    }
  }

  @Test
  void shouldReturnBeforeTheHookHasAnswered() {
    hold = true;
    try (Notifier notifier = notifier(1)) {
      notifier.send(notice()); // the hook is still holding the request when send returns

      assertThat(received).isEmpty();
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    }
  }
}
