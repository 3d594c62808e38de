package dev.schemagate.registry.server.lineage.bench;

import dev.schemagate.core.lineage.openlineage.OpenLineageEventParser;
import dev.schemagate.core.lineage.openlineage.RunEventLineage;
import dev.schemagate.core.lineage.severity.SeverityPolicy;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.lineage.LineageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The storage side of ingest alone, without HTTP: parse N events, hand them all to the lineage
 * writer, wait for every commit. Separates what PostgreSQL and the group commit sustain from what
 * the HTTP layer costs. Args: [events=100000] [datasets=2000].
 */
public final class LineageWriterLoad {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int datasets = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    try (RunningRegistry registry = RegistryConfig.forTests().start();
        LineageService service =
            new LineageService(registry.context().database(), SeverityPolicy.defaults())) {
      OpenLineageEventParser parser = new OpenLineageEventParser();
      for (int round = 0; round < 2; round++) {
        List<RunEventLineage> events = new ArrayList<>(n);
        long p0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          events.add(parser.parse(LineageIngestLoad.event(round * n + i, datasets)));
        }
        long p1 = System.nanoTime();
        List<CompletableFuture<Boolean>> done = new ArrayList<>(n);
        for (RunEventLineage e : events) {
          done.add(service.ingest(e));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        long p2 = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "%s: parse %,.0f events/s; store %,d events in %d ms = %,.0f events/s%n",
            round == 0 ? "warm-up" : "measured",
            n / ((p1 - p0) / 1e9),
            n,
            (p2 - p1) / 1_000_000,
            n / ((p2 - p1) / 1e9));
      }
    }
    System.exit(0);
  }
}
