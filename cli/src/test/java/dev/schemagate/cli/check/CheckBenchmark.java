package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoint benchmarks of BENCHMARKS.md (not a test): a PostgreSQL table of N rows (default
 * ten million) and a JSON Lines file of M megabytes (default 1024), each checked once against the
 * test contract. Run: see cli/BENCHMARKS.md.
 */
public final class CheckBenchmark {
  private CheckBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("rows", 10_000_000L);
    long megabytes = Long.getLong("megabytes", 1024L);
    List<com.fasterxml.jackson.databind.JsonNode> docs =
        new ObjectMapper(new YAMLFactory())
            .readerFor(com.fasterxml.jackson.databind.JsonNode.class)
            .<com.fasterxml.jackson.databind.JsonNode>readValues(
                Files.readString(CheckFixtures.contract()))
            .readAll();
    Contract contract = ContractReader.read(docs.get(0).get("spec"));
    var schema = Schemas.parse(SchemaFormat.JSON, docs.get(1).at("/spec/schema").asText());
    CheckPlan plan = CheckPlan.of("orders", contract, schema);
    if (rows > 0) {
      table(plan, rows);
    }
    if (megabytes > 0) {
      file(plan, megabytes);
    }
  }

  private static void table(CheckPlan plan, long rows) throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      long load = System.nanoTime();
      try (Connection db = pg.getPostgresDatabase().getConnection();
          Statement sql = db.createStatement()) {
        sql.execute(
            "CREATE UNLOGGED TABLE orders (order_id text, amount numeric, currency text,"
                + " customer_id text, placed_at timestamptz, note text)");
        sql.execute(
            "INSERT INTO orders SELECT 'o-' || i, i % 1000, CASE WHEN i % 2 = 0 THEN 'EUR' ELSE"
                + " 'USD' END, 'c-' || lpad((i % 1000)::text, 3, '0'), now(), NULL FROM"
                + " generate_series(1, "
                + rows
                + ") AS i");
        sql.execute("VACUUM ANALYZE orders");
      }
      System.out.printf("table: %,d rows loaded in %.1f s%n", rows, secs(load));
      Source source =
          new Source.Table(
              pg.getJdbcUrl("postgres", "postgres"), Optional.empty(), Optional.empty(), "orders");
      long start = System.nanoTime();
      CheckReport report = new Checkpoint(Clock.systemUTC()).run(plan, source);
      System.out.printf(
          "table: %,d rows checked in %.1f s, verdict %s%n",
          report.rows(), secs(start), report.verdict());
    }
  }

  private static void file(CheckPlan plan, long megabytes) throws Exception {
    String keep = System.getProperty("jsonl.file", "");
    Path file = keep.isEmpty() ? Files.createTempFile("schemagate-bench", ".jsonl") : Path.of(keep);
    try {
      if (keep.isEmpty() || !Files.exists(file)) {
        write(file, megabytes);
      }
      long size = Files.size(file);
      int runs = Integer.getInteger("runs", 1);
      int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
      var os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      List<Double> walls = new java.util.ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        CheckReport report =
            new Checkpoint(Clock.systemUTC(), threads)
                .run(plan, new Source.File(file, Source.FileFormat.JSONL));
        double s = secs(start);
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        walls.add(s);
        // on a shared machine the wall clock includes waiting for a core; CPU time does not
        // (process CPU: every checking thread, plus the JVM's own, e.g. the collector)
        System.out.printf(
            "jsonl run %d: %,d bytes, %,d rows checked in %.2f s wall = %.0f MB/s; %.2f s CPU"
                + " (process) = %.0f MB/s per core; load average %.1f; verdict %s%n",
            run,
            size,
            report.rows(),
            s,
            size / 1e6 / s,
            cpuSeconds,
            size / 1e6 / cpuSeconds,
            os.getSystemLoadAverage(),
            report.verdict());
      }
      List<Double> sorted = walls.stream().sorted().toList();
      double median = sorted.get(sorted.size() / 2);
      System.out.printf(
          "jsonl median of %d: %.2f s wall = %.0f MB/s (%d threads, %d cores available)%n",
          runs, median, size / 1e6 / median, threads, Runtime.getRuntime().availableProcessors());
    } finally {
      if (keep.isEmpty()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void write(Path file, long megabytes) throws Exception {
    Instant now = Instant.now();
    long i = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      long bytes = 0;
      while (bytes < megabytes * 1024 * 1024) {
        String line =
            "{\"orderId\":\"o-%d\",\"amount\":%d.5,\"currency\":\"%s\",\"customerId\":\"c-%03d\","
                    .formatted(i, i % 1000, i % 2 == 0 ? "EUR" : "USD", i % 1000)
                + "\"placedAt\":\""
                + now.minusMillis(i) // a different timestamp per row, as real data has
                + "\",\"note\":null,\"lines\":[{\"sku\":\"s-1\",\"qty\":2},{\"sku\":\"s-2\",\"qty\":1}]}\n";
        out.write(line);
        bytes += line.length();
        i++;
      }
    }
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
