package dev.schemagate.e2e.ha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import redis.embedded.RedisServer;

/**
 * HA proof on loopback: three registry jars on one PostgreSQL (embedded) and one Redis behind
 * HAProxy (health checks on {@code /readyz}); a fixed-rate open-model load of reads ({@code latest}
 * through the registry client, its retries included, cache TTL 0 so every read is a request) and
 * writes (each a new compatible version); one replica SIGKILLed a third of the way in and started
 * again ten seconds later. Reports failed reads and writes, p50/p95/p99, and how long a write on
 * one replica takes to be visible on the others; then checks that no subject holds the same schema
 * twice and every acknowledged write is there. Exits 1 when a correctness check fails.
 *
 * <p>Args: jar, haproxy binary, seconds (60), requests per second (100), write share (0.1).
 * Bounded: the run lasts {@code seconds}, every process is stopped at the end. Long because it is
 * one scenario told in order (a reason for a class over the usual size).
 */
public final class HaUnderLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private static final int SUBJECTS = 40;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    String haproxy = args[1];
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    double writeShare = args.length > 4 ? Double.parseDouble(args[4]) : 0.1;
    Path work = Files.createTempDirectory("schemagate-ha");
    int redisPort = freePort();
    RedisServer redis =
        RedisServer.newRedisServer()
            .port(redisPort)
            .setting("bind 127.0.0.1")
            .setting("save \"\"")
            .build();
    List<Replica> replicas = new ArrayList<>();
    Process lb = null;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      redis.start();
      Map<String, String> env = new HashMap<>();
      env.put("SCHEMAGATE_HOST", "127.0.0.1");
      env.put("SCHEMAGATE_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
      env.put("SCHEMAGATE_DB_USER", "postgres");
      env.put("SCHEMAGATE_REDIS_URL", "redis://127.0.0.1:" + redisPort);
      for (int i = 0; i < 3; i++) {
        replicas.add(new Replica(i, jar, freePort(), env, work));
      }
      for (Replica r : replicas) {
        r.start();
      }
      for (Replica r : replicas) {
        r.awaitReady(Duration.ofSeconds(90));
      }
      int lbPort = freePort();
      lb = startHaproxy(haproxy, work, lbPort, replicas);
      String url = "http://127.0.0.1:" + lbPort;
      awaitReady(url, Duration.ofSeconds(20));
      System.out.printf(
          Locale.ROOT,
          "ha: 3 replicas %s behind HAProxy :%d; %d s at %d req/s, %.0f%% writes%n",
          replicas.stream().map(r -> ":" + r.port).toList(),
          lbPort,
          seconds,
          rate,
          writeShare * 100);
      new HaUnderLoad(url, replicas, seconds, rate, writeShare).run();
    } finally {
      if (lb != null) {
        lb.destroy();
      }
      for (Replica r : replicas) {
        r.stop();
      }
      redis.stop();
    }
  }

  private final String url;
  private final List<Replica> replicas;
  private final int seconds;
  private final int rate;
  private final double writeShare;
  private final SchemaRegistryClient client;
  private final Map<String, AtomicInteger> nextField = new ConcurrentHashMap<>();
  private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
  private final List<Long> readNanos = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> writeNanos = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> lagNanos = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong readsFailed = new AtomicLong();
  private final AtomicLong writesFailed = new AtomicLong();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  /** Failures by phase: 0 before the kill, 1 from the kill until the replica is back, 2 after. */
  private final AtomicLong[] failedByPhase = {new AtomicLong(), new AtomicLong(), new AtomicLong()};

  private final AtomicLong[] requestsByPhase = {
    new AtomicLong(), new AtomicLong(), new AtomicLong()
  };
  private volatile int phase;

  private HaUnderLoad(
      String url, List<Replica> replicas, int seconds, int rate, double writeShare) {
    this.url = url;
    this.replicas = replicas;
    this.seconds = seconds;
    this.rate = rate;
    this.writeShare = writeShare;
    this.client = SchemaRegistryClient.builder(url).latestTtl(Duration.ZERO).build();
  }

  private void run() throws Exception {
    for (int s = 0; s < SUBJECTS; s++) {
      write(subject(s), false);
    }
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long killAt = start + seconds * 1_000_000_000L / 3;
    long restartAt = killAt + 10_000_000_000L;
    Replica victim = replicas.get(1);
    boolean killed = false;
    boolean restarted = false;
    long interval = 1_000_000_000L / rate;
    long next = start;
    long nextProbe = start + 1_000_000_000L;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      while (next < end) {
        long now = System.nanoTime();
        if (!killed && now >= killAt) {
          victim.kill();
          killed = true;
          phase = 1;
          System.out.printf(
              Locale.ROOT, "ha: t=%.1fs SIGKILL replica :%d%n", secs(now - start), victim.port);
        }
        if (killed && !restarted && now >= restartAt) {
          victim.start();
          restarted = true;
          pool.submit(
              () -> {
                victim.awaitReady(Duration.ofSeconds(90));
                phase = 2;
                System.out.printf(
                    Locale.ROOT,
                    "ha: t=%.1fs replica :%d ready again%n",
                    secs(System.nanoTime() - start),
                    victim.port);
                return null;
              });
          System.out.printf(
              Locale.ROOT, "ha: t=%.1fs restarting replica :%d%n", secs(now - start), victim.port);
        }
        if (now >= nextProbe) {
          nextProbe += 2_000_000_000L;
          pool.submit(this::probeVisibility);
        }
        if (now < next) {
          java.util.concurrent.locks.LockSupport.parkNanos(next - now);
          continue;
        }
        // Open model: requests start on schedule whether or not earlier ones finished.
        boolean isWrite = ThreadLocalRandom.current().nextDouble() < writeShare;
        String subject = subject(ThreadLocalRandom.current().nextInt(SUBJECTS));
        int inPhase = phase;
        requestsByPhase[inPhase].incrementAndGet();
        pool.submit(
            () -> {
              boolean ok = isWrite ? write(subject, true) : read(subject);
              if (!ok) {
                failedByPhase[inPhase].incrementAndGet();
              }
            });
        next += interval;
      }
    }
    victim.awaitReady(Duration.ofSeconds(90));
    report(verify());
  }

  private static String subject(int s) {
    return "ha-" + s + "-value";
  }

  private boolean read(String subject) {
    long t = System.nanoTime();
    try {
      client.latest(subject).orElseThrow(() -> new IllegalStateException(subject + " missing"));
      readNanos.add(System.nanoTime() - t);
      return true;
    } catch (Exception e) {
      readsFailed.incrementAndGet();
      failures.add("read " + subject + ": " + e.getMessage());
      return false;
    }
  }

  private boolean write(String subject, boolean timed) {
    String schema =
        schema(nextField.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet());
    long t = System.nanoTime();
    try {
      client.register(subject, SchemaSubmission.of(SchemaFormat.AVRO, schema), false);
      if (timed) {
        writeNanos.add(System.nanoTime() - t);
      }
      acknowledged
          .computeIfAbsent(subject, s -> Collections.synchronizedList(new ArrayList<>()))
          .add(schema);
      return true;
    } catch (Exception e) {
      writesFailed.incrementAndGet();
      failures.add("write " + subject + ": " + e.getMessage());
      return false;
    }
  }

  /** An Avro record with fields f0..f{n}; every added field has a default (BACKWARD). */
  private static String schema(int n) {
    StringBuilder text =
        new StringBuilder(
            "{\"type\":\"record\",\"name\":\"Ha\",\"fields\":[{\"name\":\"f0\",\"type\":\"long\"}");
    for (int i = 1; i <= n; i++) {
      text.append(",{\"name\":\"f").append(i).append("\",\"type\":\"long\",\"default\":0}");
    }
    return text.append("]}").toString();
  }

  /** Registers a version on one replica, then polls the others until their latest shows it. */
  private Object probeVisibility() {
    List<Replica> up = replicas.stream().filter(Replica::isUp).toList();
    if (up.size() < 2) {
      return null;
    }
    Replica writer = up.getFirst();
    String subject = "ha-probe-value";
    int n = nextField.computeIfAbsent(subject, s -> new AtomicInteger()).incrementAndGet();
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(writer.url() + "/subjects/" + subject + "/versions"))
                  .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.createObjectNode().put("schema", schema(n)).toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return null;
      }
      long written = System.nanoTime();
      int version = JSON.readTree(r.body()).path("version").asInt();
      long slowest = 0;
      for (Replica other : up.subList(1, up.size())) {
        long deadline = written + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
          HttpResponse<String> latest =
              HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create(other.url() + "/subjects/" + subject + "/versions/latest"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (latest.statusCode() == 200
              && JSON.readTree(latest.body()).path("version").asInt() >= version) {
            slowest = Math.max(slowest, System.nanoTime() - written);
            break;
          }
          java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
      }
      lagNanos.add(slowest);
    } catch (Exception e) {
      // A probe racing the kill says nothing about visibility; the next one will.
    }
    return null;
  }

  /** Reads every version back: the same schema twice in a subject, or a lost ack, is a failure. */
  private List<String> verify() throws Exception {
    List<String> problems = new ArrayList<>();
    for (int s = 0; s < SUBJECTS; s++) {
      String subject = subject(s);
      JsonNode versions = get("/subjects/" + subject + "/versions");
      Map<String, Integer> seen = new HashMap<>();
      for (JsonNode v : versions) {
        String schema =
            get("/subjects/" + subject + "/versions/" + v.asInt()).path("schema").asText();
        Integer earlier = seen.put(JSON.readTree(schema).toString(), v.asInt());
        if (earlier != null) {
          problems.add(
              subject + ": versions " + earlier + " and " + v.asInt() + " hold the same schema");
        }
      }
      for (String ack : acknowledged.getOrDefault(subject, List.of())) {
        if (!seen.containsKey(JSON.readTree(ack).toString())) {
          problems.add(subject + ": an acknowledged write is missing");
        }
      }
    }
    return problems;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private void report(List<String> problems) {
    System.out.printf(
        Locale.ROOT,
        "ha: reads %d ok, %d failed | writes %d ok, %d failed (cleanly: an error, nothing half-done)%n",
        readNanos.size(),
        readsFailed.get(),
        writeNanos.size(),
        writesFailed.get());
    String[] names = {"before the kill", "replica down until ready again", "after"};
    for (int p = 0; p < 3; p++) {
      System.out.printf(
          Locale.ROOT,
          "ha: %s: %d requests, %d failed%n",
          names[p],
          requestsByPhase[p].get(),
          failedByPhase[p].get());
    }
    System.out.println("ha: read latency  " + percentiles(readNanos));
    System.out.println("ha: write latency " + percentiles(writeNanos));
    System.out.println(
        "ha: write visible on the other replicas after "
            + percentiles(lagNanos)
            + " ("
            + lagNanos.size()
            + " probes)");
    failures.stream().limit(5).forEach(f -> System.out.println("ha: failed " + f));
    System.out.println(
        "ha: duplicated versions or lost acknowledged writes: "
            + (problems.isEmpty()
                ? "none"
                : problems.size() + " " + problems.subList(0, Math.min(5, problems.size()))));
    if (!problems.isEmpty()) {
      System.exit(1);
    }
  }

  private static String percentiles(List<Long> nanos) {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    if (sorted.isEmpty()) {
      return "(none)";
    }
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms",
        ms(sorted, 0.50),
        ms(sorted, 0.95),
        ms(sorted, 0.99),
        sorted.getLast() / 1e6);
  }

  private static double ms(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6;
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }

  private static Process startHaproxy(String binary, Path work, int port, List<Replica> replicas)
      throws IOException {
    StringBuilder cfg =
        new StringBuilder(
            """
            global
              maxconn 2048
            defaults
              mode http
              timeout connect 500ms
              timeout client 30s
              timeout server 10s
              retries 3
              option redispatch 1
              retry-on conn-failure empty-response response-timeout 503
            frontend registry
              bind 127.0.0.1:%d
              default_backend replicas
            backend replicas
              balance roundrobin
              option httpchk GET /readyz
              http-check expect status 200
              timeout check 2s
              default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
            """
                .formatted(port));
    for (Replica r : replicas) {
      cfg.append("  server r")
          .append(r.index)
          .append(" 127.0.0.1:")
          .append(r.port)
          .append(" check\n");
    }
    Path file = work.resolve("haproxy.cfg");
    Files.writeString(file, cfg);
    return new ProcessBuilder(binary, "-db", "-f", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("haproxy.log").toFile())
        .start();
  }

  private static void awaitReady(String base, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet listening
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(base + " not ready after " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One registry jar as a child process, on a fixed port across restarts. */
  private static final class Replica {
    private final int index;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path work;
    private volatile Process process;

    Replica(int index, Path jar, int port, Map<String, String> env, Path work) {
      this.index = index;
      this.jar = jar;
      this.port = port;
      this.env = env;
      this.work = work;
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    boolean isUp() {
      return process != null && process.isAlive();
    }

    void start() throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder =
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  "-jar",
                  jar.toString())
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(
                      work.resolve("replica-" + index + ".log").toFile()));
      builder.environment().putAll(env);
      builder.environment().put("SCHEMAGATE_PORT", String.valueOf(port));
      process = builder.start();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
      HaUnderLoad.awaitReady(url(), timeout);
    }

    /** SIGKILL: no shutdown hook, no goodbye to HAProxy or PostgreSQL. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    void stop() {
      if (process != null) {
        process.destroy();
      }
    }
  }
}
