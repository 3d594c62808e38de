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
    Path file = Files.createTempFile("schemagate-bench", ".jsonl");
    try {
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
      long size = Files.size(file);
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      CheckReport report =
          new Checkpoint(Clock.systemUTC())
              .run(plan, new Source.File(file, Source.FileFormat.JSONL));
      double s = secs(start);
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      // on a shared machine the wall clock includes waiting for a core; CPU time does not
      System.out.printf(
          "jsonl: %,d bytes, %,d rows checked in %.1f s wall = %.0f MB/s; %.1f s CPU = %.0f MB/s"
              + " per core, verdict %s%n",
          size,
          report.rows(),
          s,
          size / 1e6 / s,
          cpuSeconds,
          size / 1e6 / cpuSeconds,
          report.verdict());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
