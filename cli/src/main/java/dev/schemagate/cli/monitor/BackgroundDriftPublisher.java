package dev.schemagate.cli.monitor;

import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.sdk.drift.FieldDrift;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends drift reports off the consuming thread: a registry that is slow or down delays the report,
 * never the records (a synchronous call held the consumer for the client's whole 10 s budget at
 * every comparison). Only the newest comparison waits to be sent; one that a newer one overtakes
 * while the registry is busy is dropped, as {@link DriftPublisher} sends only changes anyway.
 */
public final class BackgroundDriftPublisher implements AutoCloseable {
  private record Pending(List<FieldDrift> fields, long records) {}

  private final DriftPublisher publisher;
  private final Consumer<String> recorded;
  private final Consumer<RegistryException> failed;
  private final Duration closeWait;
  private final AtomicReference<Pending> pending = new AtomicReference<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().name("schemagate-drift-report").daemon().unstarted(r));

  /**
   * @param recorded told when a report was recorded
   * @param failed told when the registry refused one or did not answer (the next comparison sends
   *     it again)
   * @param closeWait how long {@link #close} waits for the last report to be sent
   */
  public BackgroundDriftPublisher(
      DriftPublisher publisher,
      Consumer<String> recorded,
      Consumer<RegistryException> failed,
      Duration closeWait) {
    this.publisher = publisher;
    this.recorded = recorded;
    this.failed = failed;
    this.closeWait = closeWait;
  }

  /** Queues a comparison and returns at once. */
  public void offer(List<FieldDrift> fields, long records) {
    if (pending.getAndSet(new Pending(fields, records)) == null) {
      sender.execute(this::sendNewest); // else a queued task will send this newer one
    }
  }

  private void sendNewest() {
    Pending next = pending.getAndSet(null);
    if (next == null) {
      return;
    }
    try {
      if (publisher.publish(next.fields(), next.records())) {
        recorded.accept("drift report recorded");
      }
    } catch (RegistryException e) {
      failed.accept(e);
    }
  }

  /** Sends what is still queued, waiting at most the close wait. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(closeWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.shutdownNow();
  }
}
