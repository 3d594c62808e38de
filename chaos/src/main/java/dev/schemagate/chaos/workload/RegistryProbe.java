package dev.schemagate.chaos.workload;

import dev.schemagate.chaos.run.Signals;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees of the registry, probed every interval over HTTP: a schema lookup by id (its
 * latency feeds lookup p95, its success availability) and, when asked, a write (a registration
 * under a new subject) with the status it got. Also the registry's own {@code schemagate_redis_up}
 * gauge from {@code /metrics}.
 *
 * <p>Lookups in the first {@link #WARM_UP_MS} after the registry process was restarted are kept
 * apart: a JVM that just started answers slower until its JIT has compiled the lookup path, and
 * folding those into the in-service p95 would make that objective measure the restart, not the
 * service (they have an objective of their own). The first process is warmed up before the
 * experiments, as a rollout brings a replica into service.
 */
public final class RegistryProbe implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private static final String JSON = "application/vnd.schemaregistry.v1+json";

  private final String url;
  private final int schemaId;
  private final boolean writes;
  private final Signals signals;
  public static final long WARM_UP_MS = 10_000;
  private final List<Double> lookupMs = new ArrayList<>();
  private final List<Double> warmingLookupMs = new ArrayList<>();
  private final java.util.function.Supplier<java.util.OptionalLong> registryRestartedAtNanos;
  private final Map<Integer, Integer> writeStatuses = new ConcurrentHashMap<>();
  private final List<Write> writeLog = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.function.LongSupplier clockMs;
  private final ScheduledFuture<?> task;
  private final ScheduledFuture<?> writeTask;
  private int writeSeq;
  private long reads;
  private long readsOk;

  /** One registration probe: when it was sent (ms on the timeline) and the status it got. */
  public record Write(long atMs, int status) {}

  public RegistryProbe(
      java.util.function.LongSupplier clockMs,
      String url,
      int schemaId,
      boolean writes,
      Signals signals,
      ScheduledExecutorService scheduler,
      long intervalMs,
      java.util.function.Supplier<java.util.OptionalLong> registryRestartedAtNanos) {
    this.clockMs = clockMs;
    this.registryRestartedAtNanos = registryRestartedAtNanos;
    this.url = url;
    this.schemaId = schemaId;
    this.writes = writes;
    this.signals = signals;
    signals.set("registry_up", 1);
    signals.set("registry_write_ok", 1);
    this.task = scheduler.scheduleWithFixedDelay(this::probe, 0, intervalMs, TimeUnit.MILLISECONDS);
    // Writes on their own schedule: a slow or hanging write must not delay the lookups.
    this.writeTask =
        writes
            ? scheduler.scheduleWithFixedDelay(
                this::probeWrite, 0, intervalMs, TimeUnit.MILLISECONDS)
            : null;
  }

  private void probe() {
    long start = System.nanoTime();
    int status = get("/schemas/ids/" + schemaId);
    double ms = (System.nanoTime() - start) / 1e6;
    synchronized (this) {
      reads++;
      if (status == 200) {
        readsOk++;
        java.util.OptionalLong restarted = registryRestartedAtNanos.get();
        boolean warming =
            restarted.isPresent()
                && start - restarted.getAsLong() < TimeUnit.MILLISECONDS.toNanos(WARM_UP_MS);
        (warming ? warmingLookupMs : lookupMs).add(ms);
      }
    }
    signals.set("lookup_ms", status == 200 ? ms : Double.NaN);
    signals.set("registry_up", status == 200 ? 1 : 0);
    String metrics = text("/metrics");
    if (metrics != null) {
      metrics
          .lines()
          .filter(l -> l.startsWith("schemagate_redis_up"))
          .findFirst()
          .ifPresent(
              l ->
                  signals.set("redis_up", Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))));
    }
  }

  private void probeWrite() {
    long at = clockMs.getAsLong();
    int written = post("/subjects/chaos-probe-" + (writeSeq++) + "/versions");
    writeStatuses.merge(written, 1, Integer::sum);
    writeLog.add(new Write(at, written));
    signals.set("registry_write_ok", written == 200 ? 1 : 0);
  }

  public List<Write> writes() {
    return List.copyOf(writeLog);
  }

  private int get(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private String text(String path) {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** 0 when no HTTP answer came (refused, timed out): never a hang. */
  private int post(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url + path))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", JSON)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}"))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Fraction of lookups answered (200), over the whole experiment. */
  public synchronized double availability() {
    return reads == 0 ? Double.NaN : (double) readsOk / reads;
  }

  /** p95 of the lookups answered by a registry in service (not one that just restarted). */
  public synchronized double lookupP95Ms() {
    return p95(lookupMs);
  }

  /** p95 of the lookups answered in the first {@link #WARM_UP_MS} after a restart; NaN if none. */
  public synchronized double lookupP95AfterRestartMs() {
    return p95(warmingLookupMs);
  }

  private static double p95(List<Double> latencies) {
    if (latencies.isEmpty()) {
      return Double.NaN;
    }
    var sorted = latencies.stream().sorted().toList();
    return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
  }

  /** HTTP status of each write probe, and how many times it came back (0: no answer). */
  public Map<Integer, Integer> writeStatuses() {
    return Map.copyOf(writeStatuses);
  }

  @Override
  public void close() {
    task.cancel(false);
    if (writeTask != null) {
      writeTask.cancel(false);
    }
  }
}
