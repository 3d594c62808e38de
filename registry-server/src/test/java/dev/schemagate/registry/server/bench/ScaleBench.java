package dev.schemagate.registry.server.bench;

import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The registry at scale: {@code subjects} subjects with {@code versions} versions each (distinct
 * Avro records, each version adding an optional field) bulk-loaded into PostgreSQL with SQL, then
 * the registry jar started on it as a process. Reports cold start (process start to {@code
 * /readyz}), heap after start and after the lookups, lookup latency by id and latest over random
 * keys (mostly cache misses) and on one hot key, and registration p50; the same for a small
 * registry ({@code small} subjects) in the same run, for comparison.
 *
 * <p>Args: jar, subjects (100000), versions (10), seconds per lookup run (10), small (100).
 */
public final class ScaleBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int subjects = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int versions = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int small = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    for (int n : new int[] {small, subjects}) {
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (RunningRegistry migrate =
            RegistryConfig.forTests().database(url, "postgres", "").start()) {
          // Flyway has run; the tables exist.
        }
        long t = System.nanoTime();
        load(postgres, n, versions);
        System.out.printf(
            Locale.ROOT,
            "scale: %,d subjects x %d versions loaded by SQL in %.1f s%n",
            n,
            versions,
            (System.nanoTime() - t) / 1e9);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
            Statement st = c.createStatement();
            java.sql.ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          postmaster =
              ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow().pid();
        }
        measure(jar, url, n, versions, seconds);
      }
    }
  }

  /** Distinct records per subject: version v of subject s has fields f0..f{v-1}, named S{s}. */
  private static void load(EmbeddedPostgres postgres, int subjects, int versions) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO subjects (name) SELECT 'scale-' || s || '-value'"
              + " FROM generate_series(0, "
              + (subjects - 1)
              + ") s");
      st.execute(
          "INSERT INTO schemas (id, format, content_key, fingerprint, schema_text)"
              + " SELECT s * "
              + versions
              + " + v, 'AVRO', 'AVRO:bulk:' || s || ':' || v,"
              + " 'sha256:' || md5(s || ':' || v) || md5(v || ':' || s),"
              + " '{\"type\":\"record\",\"name\":\"S' || s || '\",\"fields\":[{\"name\":\"f0\",\"type\":\"long\"}'"
              + " || f.extra || ']}'"
              + " FROM generate_series(0, "
              + (subjects - 1)
              + ") s, generate_series(1, "
              + versions
              + ") v,"
              + " LATERAL (SELECT COALESCE(string_agg(',{\"name\":\"f' || i || '\",\"type\":\"long\",\"default\":0}', ''"
              + " ORDER BY i), '') AS extra FROM generate_series(1, v - 1) i) f");
      st.execute(
          "INSERT INTO subject_versions (subject, version, schema_id)"
              + " SELECT 'scale-' || s || '-value', v, s * "
              + versions
              + " + v"
              + " FROM generate_series(0, "
              + (subjects - 1)
              + ") s, generate_series(1, "
              + versions
              + ") v");
      st.execute("SELECT setval('schema_id_seq', " + ((long) subjects * versions + versions) + ")");
      st.execute("ANALYZE");
    }
  }

  private static void measure(Path jar, String dbUrl, int subjects, int versions, int seconds)
      throws Exception {
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    Path log = Files.createTempFile("schemagate-scale", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                Stream.of(List.of(java), JAVA_OPTS, List.of("-jar", jar.toString()))
                    .flatMap(List::stream)
                    .toList())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SCHEMAGATE_HOST", "127.0.0.1");
    builder.environment().put("SCHEMAGATE_PORT", String.valueOf(port));
    builder.environment().put("SCHEMAGATE_DB_URL", dbUrl);
    builder.environment().put("SCHEMAGATE_DB_USER", "postgres");
    long start = System.nanoTime();
    Process process = builder.start();
    registryPid = process.pid();
    try {
      while (status(base + "/readyz") != 200) {
        if (!process.isAlive()) {
          throw new IllegalStateException("registry exited: " + Files.readString(log));
        }
        Thread.sleep(50);
      }
      double coldStart = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "scale[%,d]: cold start %.2f s, heap used after start %.0f MiB%n",
          subjects,
          coldStart,
          heapMiB(base));
      int total = subjects * versions;
      if (WARMUP_SECONDS > 0) {
        // A fresh JVM compiles its hot paths during the first seconds under load; without this the
        // first run below measured the JIT as much as the lookups.
        warmUp(base, subjects, versions);
      }
      lookups(
          base,
          "by id, random of " + total,
          subjects,
          seconds,
          i -> base + "/schemas/ids/" + (1 + ThreadLocalRandom.current().nextInt(total)));
      lookups(
          base,
          "latest, random of " + subjects + " subjects",
          subjects,
          seconds,
          i ->
              base
                  + "/subjects/scale-"
                  + ThreadLocalRandom.current().nextInt(subjects)
                  + "-value/versions/latest");
      lookups(base, "by id, one hot id", subjects, seconds, i -> base + "/schemas/ids/1");
      List<Long> registrations = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int s = ThreadLocalRandom.current().nextInt(subjects);
        String schema =
            "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"S"
                + s
                + "\\\",\\\"fields\\\":[{\\\"name\\\":\\\"f0\\\",\\\"type\\\":\\\"long\\\"}"
                + extra(versions + 1 + i)
                + "]}";
        long t = System.nanoTime();
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create(base + "/subjects/scale-" + s + "-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + schema + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException(
              "registration answered " + r.statusCode() + " " + r.body());
        }
        registrations.add(System.nanoTime() - t);
      }
      System.out.printf(
          Locale.ROOT,
          "scale[%,d]: registration of a new version (BACKWARD) %s; heap used %.0f MiB%n",
          subjects,
          percentiles(registrations),
          heapMiB(base));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static String extra(int fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < fields; i++) {
      out.append(",{\\\"name\\\":\\\"f")
          .append(i)
          .append("\\\",\\\"type\\\":\\\"long\\\",\\\"default\\\":0}");
    }
    return out.toString();
  }

  // The processes whose CPU each lookup run reports per request: steadier than latency when other
  // work shares the cores.
  private static long postmaster;
  private static long registryPid;

  /** CPU seconds (user + system) of the registry JVM and of PostgreSQL (postmaster, backends). */
  private static double[] cpu() {
    double registry = ticks(registryPid, false);
    double db =
        ticks(postmaster, true)
            + ProcessHandle.of(postmaster).stream()
                .flatMap(ProcessHandle::descendants)
                .mapToDouble(p -> ticks(p.pid(), false))
                .sum();
    return new double[] {registry / 100.0, db / 100.0};
  }

  /** utime + stime (+ those of reaped children) from /proc, in clock ticks (100 per second). */
  private static double ticks(long pid, boolean withChildren) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      double t = Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
      return withChildren ? t + Double.parseDouble(f[13]) + Double.parseDouble(f[14]) : t;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static final int WARMUP_SECONDS =
      Integer.parseInt(System.getenv().getOrDefault("WARMUP_SECONDS", "0"));
  private static final List<String> JAVA_OPTS =
      List.of(
          System.getenv()
              .getOrDefault("SCALE_JAVA_OPTS", "-Xmx512m -XX:+UseParallelGC")
              .trim()
              .split("\\s+"));

  /**
   * WARMUP_SECONDS of the three lookups interleaved, on keys the runs draw from too (the small
   * share of the cache this fills at 1,000,000 ids is reported as the hit share of each run).
   */
  private static void warmUp(String base, int subjects, int versions) throws Exception {
    int total = subjects * versions;
    long end = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int c = 0; c < 8; c++) {
        pool.submit(
            () -> {
              for (int i = 0; System.nanoTime() < end; i++) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                status(
                    switch (i % 3) {
                      case 0 -> base + "/schemas/ids/" + (1 + random.nextInt(total));
                      case 1 ->
                          base
                              + "/subjects/scale-"
                              + random.nextInt(subjects)
                              + "-value/versions/latest";
                      default -> base + "/schemas/ids/1";
                    });
              }
              return null;
            });
      }
    }
  }

  private static final Pattern CACHE =
      Pattern.compile(
          "^schemagate_cache_lookups_total\\{result=\"(hit|miss)\",tier=\"(local|all)\"} ([0-9.E+]+)$",
          Pattern.MULTILINE);

  /** Local cache hits and misses so far, from {@code /metrics}. */
  private static double[] cacheLookups(String base) throws Exception {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double[] counts = new double[2];
    Matcher m = CACHE.matcher(metrics);
    while (m.find()) {
      counts[m.group(1).equals("hit") ? 0 : 1] += Double.parseDouble(m.group(3));
    }
    return counts;
  }

  /** Eight closed-loop clients for {@code seconds}, after a 3 s warm-up. */
  private static void lookups(
      String base, String what, int subjects, int seconds, IntFunction<String> url)
      throws Exception {
    double[] before = cacheLookups(base);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long warm = System.nanoTime() + 3_000_000_000L;
    long end = warm + seconds * 1_000_000_000L;
    double[] cpuAtWarm;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int c = 0; c < 8; c++) {
        pool.submit(
            () -> {
              List<Long> mine = new ArrayList<>();
              while (System.nanoTime() < end) {
                long t = System.nanoTime();
                int code = status(url.apply(0));
                if (code != 200) {
                  throw new IllegalStateException(what + " answered " + code);
                }
                if (t > warm) {
                  mine.add(System.nanoTime() - t);
                }
              }
              latencies.addAll(mine);
              return null;
            });
      }
      Thread.sleep(Math.max(0, (warm - System.nanoTime()) / 1_000_000));
      cpuAtWarm = cpu();
    }
    double[] cpuAtEnd = cpu();
    double[] after = cacheLookups(base);
    double hits = after[0] - before[0];
    double misses = after[1] - before[1];
    System.out.printf(
        Locale.ROOT,
        "scale[%,d]: %s: %,.0f req/s, %s, cache misses %.0f %%,"
            + " CPU per request registry %.0f µs, PostgreSQL %.0f µs%n",
        subjects,
        what,
        latencies.size() / (double) seconds,
        percentiles(latencies),
        100 * misses / Math.max(1, hits + misses),
        1e6 * (cpuAtEnd[0] - cpuAtWarm[0]) / Math.max(1, latencies.size()),
        1e6 * (cpuAtEnd[1] - cpuAtWarm[1]) / Math.max(1, latencies.size()));
  }

  private static final Pattern HEAP =
      Pattern.compile(
          "^jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"[^}]*} ([0-9.E+]+)$",
          Pattern.MULTILINE);

  private static double heapMiB(String base) throws Exception {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double sum = 0;
    Matcher m = HEAP.matcher(metrics);
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum / (1024 * 1024);
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static String percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return "(none)";
    }
    return String.format(
        Locale.ROOT,
        "p50 %.2f ms  p99 %.2f ms  max %.1f ms (%d)",
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get(Math.min(sorted.size() - 1, (int) (0.99 * sorted.size()))) / 1e6,
        sorted.getLast() / 1e6,
        sorted.size());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
