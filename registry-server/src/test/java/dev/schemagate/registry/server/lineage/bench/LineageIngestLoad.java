package dev.schemagate.registry.server.lineage.bench;

import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback ingest load: a registry on an embedded PostgreSQL, and {@code clients} concurrent HTTP
 * clients posting distinct OpenLineage COMPLETE events (4 column edges each) for {@code seconds}
 * after a 5 s warm-up. Events read and feed a pool of {@code datasets} datasets: a small pool is
 * recurring jobs (the lineage repeats, only the run is new), a pool larger than the event count
 * makes every edge new. Prints events per second and the latency median and p99. Args: [clients=64]
 * [seconds=20] [datasets=2000] [registry url, to load a server already running].
 */
public final class LineageIngestLoad {
  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int datasets = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    RunningRegistry registry = args.length > 3 ? null : RegistryConfig.forTests().start();
    String url = (registry == null ? args[3] : registry.url()) + "/api/v1/lineage";
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    AtomicInteger sequence = new AtomicInteger();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long warmupEnd = System.nanoTime() + 5_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    long[] counted = new long[1];
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        long[] mine = new long[2_000_000];
        synchronized (latencies) {
          latencies.add(mine);
        }
        pool.submit(
            () -> {
              int n = 0;
              while (System.nanoTime() < end) {
                String body = event(sequence.getAndIncrement(), datasets);
                long t = System.nanoTime();
                try {
                  HttpResponse<Void> r =
                      http.send(
                          HttpRequest.newBuilder(URI.create(url))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.discarding());
                  long done = System.nanoTime();
                  if (r.statusCode() == 201) {
                    if (t >= warmupEnd) {
                      ok.incrementAndGet();
                      if (n < mine.length) {
                        mine[n++] = done - t;
                      }
                    }
                  } else {
                    failed.incrementAndGet();
                  }
                } catch (Exception e) {
                  failed.incrementAndGet();
                }
              }
              mine[mine.length - 1] = n;
              return null;
            });
      }
    }
    List<Long> all = new ArrayList<>();
    for (long[] mine : latencies) {
      int n = (int) mine[mine.length - 1];
      for (int i = 0; i < n; i++) {
        all.add(mine[i]);
      }
    }
    all.sort(null);
    counted[0] = ok.get();
    System.out.printf(
        Locale.ROOT,
        "%d clients, %d s measured: %,d events stored = %,.0f events/s (%,.0f edges/s); latency"
            + " median %.2f ms, p99 %.2f ms; %d failed%n",
        clients,
        seconds,
        counted[0],
        counted[0] / (double) seconds,
        4 * counted[0] / (double) seconds,
        all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6,
        all.isEmpty() ? 0 : all.get(all.size() * 99 / 100) / 1e6,
        failed.get());
    if (registry != null) {
      registry.close();
    }
    System.exit(0);
  }

  /** A distinct COMPLETE event: one output dataset, 4 columns each fed by one input column. */
  static String event(int i, int datasets) {
    int in = i % datasets;
    int out = (int) ((i * 7L + 1) % datasets);
    StringBuilder fields = new StringBuilder();
    for (int c = 0; c < 4; c++) {
      if (c > 0) {
        fields.append(',');
      }
      fields.append(
          String.format(
              Locale.ROOT,
              "\"c%d\":{\"inputFields\":[{\"namespace\":\"kafka\",\"name\":\"topic_%d\","
                  + "\"field\":\"f%d\",\"transformations\":[{\"type\":\"DIRECT\",\"subtype\":"
                  + "\"IDENTITY\"}]}]}",
              c,
              in,
              (i + c) % 10));
    }
    return String.format(
        Locale.ROOT,
        "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-11-20T08:15:30.123Z\",\"producer\":"
            + "\"https://example.com/load\",\"run\":{\"runId\":\"%s\"},\"job\":{\"namespace\":"
            + "\"load\",\"name\":\"job_%d\"},\"inputs\":[{\"namespace\":\"kafka\",\"name\":"
            + "\"topic_%d\"}],\"outputs\":[{\"namespace\":\"warehouse\",\"name\":\"table_%d\","
            + "\"facets\":{\"columnLineage\":{\"fields\":{%s}}}}]}",
        UUID.randomUUID(),
        out,
        in,
        out,
        fields);
  }
}
