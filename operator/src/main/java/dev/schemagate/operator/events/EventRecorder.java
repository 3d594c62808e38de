package dev.schemagate.operator.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes events ({@code kubectl describe} shows them) the way client-go's recorder
 * does: best effort, never in a reconcile's way. {@link #record} only puts the event on a bounded
 * queue and returns; one writer thread sends them. When the queue is full the event is dropped and
 * counted ({@value #DROPPED}); a repeat of the same event on the same object bumps the existing
 * event's count (see {@link EventCorrelator}). Events are a history for people; the status is the
 * truth, so losing some under load is the right trade.
 */
public final class EventRecorder implements AutoCloseable {
  public static final String COMPONENT = "schemagate-operator";
  public static final String DROPPED = "schemagate_operator_events_dropped_total";
  public static final int DEFAULT_QUEUE = 1000;
  public static final int DEFAULT_PER_SECOND = 50;

  /** How long {@link #close} lets the writer send what is still queued. */
  static final Duration DRAIN = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final int MAX_MESSAGE = 1024;

  public enum Type {
    Normal,
    Warning
  }

  private final KubernetesClient client;
  private final Clock clock;
  private final BlockingQueue<PendingEvent> queue;
  private final int capacity;
  private final EventCorrelator correlator = new EventCorrelator();
  private final Counter queueFull;
  private final Counter spam;
  private final Counter failed;
  private final AtomicLong droppedInBurst = new AtomicLong();
  private final AtomicLong bursts = new AtomicLong();
  private long failedInBurst; // writer thread only
  private final EventPace pace;
  private final Thread writer;
  private volatile boolean closing;

  /**
   * Starts the writer thread.
   *
   * @param queueSize events waiting to be written before new ones are dropped ({@code
   *     SCHEMAGATE_EVENT_QUEUE})
   * @param perSecond writes a second at most, with a burst of twice that; 0: no limit ({@code
   *     SCHEMAGATE_EVENT_QPS})
   */
  public EventRecorder(
      KubernetesClient client, Clock clock, MeterRegistry meters, int queueSize, int perSecond) {
    if (queueSize < 1 || perSecond < 0) {
      throw new IllegalArgumentException(
          "event queue size must be at least 1 and events per second at least 0, got %d and %d"
              .formatted(queueSize, perSecond));
    }
    this.pace = new EventPace(perSecond);
    this.client = client;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.capacity = queueSize;
    this.queueFull = dropped(meters, "queue-full");
    this.spam = dropped(meters, "spam");
    this.failed = dropped(meters, "api-error");
    this.writer = Thread.ofPlatform().name("schemagate-events").daemon().start(this::writeAll);
  }

  private static Counter dropped(MeterRegistry meters, String cause) {
    return Counter.builder(DROPPED)
        .description("Kubernetes events not written: queue full, spam filter or API error")
        .tag("cause", cause)
        .register(meters);
  }

  /** Queues the event and returns at once; never blocks, never throws for a lost event. */
  public void record(HasMetadata about, Type type, String reason, String message) {
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    PendingEvent event = PendingEvent.of(about, type, reason, text, clock.instant());
    if (closing) {
      return; // the operator is stopping: its reconciles are done
    }
    if (!queue.offer(event)) {
      queueFull.increment();
      // Once per burst: the first drop says so; when the queue is half empty again, how many.
      if (droppedInBurst.getAndIncrement() == 0) {
        bursts.incrementAndGet();
        log.warn(
            "event queue full ({} waiting): dropping events until it drains (first: {} on {}/{})",
            capacity,
            reason,
            event.namespace(),
            event.name());
      }
      return;
    }
    if (droppedInBurst.get() > 0 && queue.size() <= capacity / 2) {
      long lost = droppedInBurst.getAndSet(0);
      if (lost > 0) {
        log.warn("event queue has room again; {} events were dropped", lost);
      }
    }
  }

  private void writeAll() {
    while (true) {
      PendingEvent event;
      try {
        event = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (event == null) {
        if (closing) {
          return;
        }
        continue;
      }
      write(event);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  private void write(PendingEvent event) {
    if (!correlator.allow(event)) {
      spam.increment();
      return;
    }
    try {
      pace.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: close() gave up waiting
      return;
    }
    try {
      var repeat = correlator.repeatOf(event);
      if (repeat.isPresent() && bump(event, repeat.get())) {
        correlator.wrote(event, repeat.get().name(), repeat.get().count() + 1);
      } else {
        correlator.wrote(event, create(event), 1);
      }
      if (failedInBurst > 0) {
        log.warn("events are written again; {} could not be written", failedInBurst);
        failedInBurst = 0;
      }
    } catch (RuntimeException e) { // KubernetesClientException, or a closed client at shutdown
      failed.increment();
      if (failedInBurst++ == 0) {
        log.warn(
            "could not write event {} on {}/{}: {} (further failures are counted in {})",
            event.reason(),
            event.namespace(),
            event.name(),
            e.getMessage(),
            DROPPED);
      }
    }
  }

  /** False when the earlier event is gone (expired): a new one is created instead. */
  private boolean bump(PendingEvent event, EventCorrelator.Written earlier) {
    String patch =
        "{\"count\":%d,\"lastTimestamp\":\"%s\"}"
            .formatted(earlier.count() + 1, timestamp(event.at()));
    try {
      // Patched through a resource() handle: withName(...).patch(...) would GET the event first
      // (one more request, and a verb the ClusterRole does not grant).
      Event target =
          new EventBuilder()
              .withNewMetadata()
              .withName(earlier.name())
              .withNamespace(event.namespace())
              .endMetadata()
              .build();
      client
          .v1()
          .events()
          .inNamespace(event.namespace())
          .resource(target)
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private String create(PendingEvent event) {
    String now = timestamp(event.at());
    String name = event.name() + "." + UUID.randomUUID().toString().substring(0, 13);
    Event created =
        new EventBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(event.namespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(event.apiVersion())
                    .withKind(event.kind())
                    .withName(event.name())
                    .withNamespace(event.namespace())
                    .withUid(event.uid())
                    .withResourceVersion(event.resourceVersion())
                    .build())
            .withType(event.type().name())
            .withReason(event.reason())
            .withMessage(event.message())
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    client.v1().events().inNamespace(event.namespace()).resource(created).create();
    return name;
  }

  private static String timestamp(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Bursts of drops so far, each logged once (for tests). */
  long bursts() {
    return bursts.get();
  }

  /** Events waiting to be written (for tests and the shutdown log). */
  int waiting() {
    return queue.size();
  }

  /**
   * Stops taking events and lets the writer send what is queued for at most {@link #DRAIN}; what is
   * left after that is dropped, and the log says how many.
   */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join(DRAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      writer.interrupt();
      log.warn("stopping with {} events not written", queue.size());
    }
  }
}
