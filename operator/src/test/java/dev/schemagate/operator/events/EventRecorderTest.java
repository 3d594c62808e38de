package dev.schemagate.operator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recorder against the fabric8 mock API server in CRUD mode, and against API servers that hang
 * or refuse: events arrive, repeats are counted on one event, and nothing a reconcile calls ever
 * blocks or throws.
 */
@EnableKubernetesMockClient(crud = true)
class EventRecorderTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  static KubernetesClient client;
  static KubernetesMockServer server;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private String namespace;

  @BeforeEach
  void freshNamespace() {
    namespace = "events-" + SEQUENCE.incrementAndGet();
  }

  @Test
  void shouldWriteTheEventInTheBackground() {
    try (var recorder = new EventRecorder(client, Clock.systemUTC(), meters, 10, 0)) {
      recorder.record(about("orders"), EventRecorder.Type.Normal, "Registered", "version 1");

      Event event = await().until(() -> events("Registered"), e -> e.size() == 1).getFirst();
      assertThat(event.getType()).isEqualTo("Normal");
      assertThat(event.getMessage()).isEqualTo("version 1");
      assertThat(event.getCount()).isEqualTo(1);
      assertThat(event.getInvolvedObject().getKind()).isEqualTo("ConfigMap");
      assertThat(event.getInvolvedObject().getName()).isEqualTo("orders");
      assertThat(event.getInvolvedObject().getUid()).isEqualTo("uid-orders");
      assertThat(event.getSource().getComponent()).isEqualTo(EventRecorder.COMPONENT);
    }
  }

  @Test
  void shouldBumpTheCountOfARepeatedEventInsteadOfWritingAnother() throws Exception {
    try (var recorder = new EventRecorder(client, Clock.systemUTC(), meters, 10, 0)) {
      for (int i = 0; i < 3; i++) {
        recorder.record(about("orders"), EventRecorder.Type.Warning, "DriftDetected", "v2 != v1");
      }
      recorder.record(about("orders"), EventRecorder.Type.Warning, "DriftDetected", "v3 != v1");
      recorder.record(about("other"), EventRecorder.Type.Warning, "DriftDetected", "v2 != v1");

      await().until(() -> events("DriftDetected").size() == 3 && total("DriftDetected") == 5);
      assertThat(events("DriftDetected"))
          .extracting(e -> e.getInvolvedObject().getName() + ":" + e.getMessage(), Event::getCount)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("orders:v2 != v1", 3),
              org.assertj.core.groups.Tuple.tuple("orders:v3 != v1", 1),
              org.assertj.core.groups.Tuple.tuple("other:v2 != v1", 1));
      // A bump is one PATCH, not a GET first (the ClusterRole grants create and patch only).
      assertThat(requests())
          .filteredOn(r -> r.contains("/namespaces/" + namespace + "/events/"))
          .isNotEmpty()
          .allMatch(r -> r.startsWith("PATCH "));
    }
  }

  @Test
  void shouldCreateTheEventAgainWhenTheOneToBumpIsGone() {
    try (var recorder = new EventRecorder(client, Clock.systemUTC(), meters, 10, 0)) {
      recorder.record(about("orders"), EventRecorder.Type.Normal, "Registered", "version 1");
      await().until(() -> events("Registered").size() == 1);
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(events("Registered").getFirst())
          .delete();
      await().until(() -> events("Registered").isEmpty());

      recorder.record(about("orders"), EventRecorder.Type.Normal, "Registered", "version 1");

      Event again = await().until(() -> events("Registered"), e -> e.size() == 1).getFirst();
      assertThat(again.getCount()).isEqualTo(1);
      assertThat(dropped("api-error")).isZero();
    }
  }

  @Test
  void shouldStopOneObjectFloodingTheApiServer() {
    try (var recorder = new EventRecorder(client, Clock.systemUTC(), meters, 100, 0)) {
      for (int i = 0; i < EventCorrelator.BURST + 5; i++) {
        recorder.record(about("noisy"), EventRecorder.Type.Normal, "Step", "step " + i);
      }
      await().until(() -> dropped("spam") == 5);
      assertThat(events("Step")).hasSize(EventCorrelator.BURST);
    }
  }

  @Test
  void shouldHoldTheWriterToItsPaceAndDropWhatDoesNotFit() {
    // One write a second, a burst of two, five waiting: of twenty events at once, at most eight
    // can be written or waiting (two, one held by the writer, five queued); the rest are dropped.
    try (var recorder = new EventRecorder(client, Clock.systemUTC(), meters, 5, 1)) {
      long started = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        recorder.record(about("orders-" + i), EventRecorder.Type.Normal, "Paced", "n");
      }
      assertThat(dropped("queue-full")).isGreaterThanOrEqualTo(12);
      int kept = 20 - (int) dropped("queue-full");

      await().atMost(Duration.ofSeconds(30)).until(() -> events("Paced").size() == kept);
      // Written at the pace: two at once, then one a second.
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(kept - 3));
    }
  }

  @Test
  void shouldDropAndCountWhenTheQueueIsFullAndNeverBlock() throws IOException {
    try (var hanging = new HangingServer();
        var stuck = clientOf(hanging.port())) {
      var recorder = new EventRecorder(stuck, Clock.systemUTC(), meters, 2, 0);
      // The writer takes the first event and waits on a server that never answers...
      recorder.record(about("orders"), EventRecorder.Type.Normal, "Registered", "first");
      await().until(() -> hanging.accepted() >= 1 && recorder.waiting() == 0);

      // ...so two more fill the queue and five more are dropped, each call returning at once.
      assertTimeoutPreemptively(
          Duration.ofSeconds(5),
          () -> {
            for (int i = 0; i < 7; i++) {
              recorder.record(about("orders-" + i), EventRecorder.Type.Normal, "Registered", "n");
            }
          });
      assertThat(recorder.waiting()).isEqualTo(2);
      assertThat(dropped("queue-full")).isEqualTo(5);
      assertThat(recorder.bursts()).as("one warning for the burst, not one per event").isEqualTo(1);

      // Shutting down waits a bounded time for a writer that cannot finish.
      assertTimeoutPreemptively(EventRecorder.DRAIN.plusSeconds(3), recorder::close);
    }
  }

  @Test
  void shouldNeverThrowWhenTheApiServerRefusesAndKeepWritingAfterwards() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort(); // nothing listens there once the probe is closed
    }
    try (var refusing = clientOf(closedPort);
        var recorder = new EventRecorder(refusing, Clock.systemUTC(), meters, 10, 0)) {
      assertThatNoException()
          .isThrownBy(
              () -> {
                for (int i = 0; i < 3; i++) {
                  recorder.record(
                      about("orders-" + i), EventRecorder.Type.Normal, "Registered", "n");
                }
              });
      await().until(() -> dropped("api-error") == 3);
    }
  }

  /** Every request the mock server saw since the last call, as "METHOD path". */
  private static List<String> requests() throws InterruptedException {
    List<String> seen = new java.util.ArrayList<>();
    for (var r = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS);
        r != null;
        r = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) {
      seen.add(r.getMethod() + " " + r.getPath());
    }
    return seen;
  }

  private ConfigMap about(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withUid("uid-" + name)
        .withResourceVersion("1")
        .endMetadata()
        .build();
  }

  private List<Event> events(String reason) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .toList();
  }

  private int total(String reason) {
    return events(reason).stream().mapToInt(Event::getCount).sum();
  }

  private double dropped(String cause) {
    return meters.counter(EventRecorder.DROPPED, "cause", cause).count();
  }

  private static KubernetesClient clientOf(int port) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port)
                .withNamespace("default")
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout(60_000)
                .build())
        .build();
  }

  /** Accepts connections and never answers: an API server that hangs. */
  private static final class HangingServer implements AutoCloseable {
    private final ServerSocket server;
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();

    HangingServer() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual()
          .start(
              () -> {
                while (!server.isClosed()) {
                  try {
                    held.add(server.accept());
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
    }

    int port() {
      return server.getLocalPort();
    }

    int accepted() {
      return held.size();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
