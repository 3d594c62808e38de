package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaSpec;
import dev.schemagate.crds.v1alpha1.SchemaFormatType;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The operator at scale on a real kube-apiserver + etcd: for each size, a fresh API server, a fresh
 * registry jar on its embedded defaults and N DataSchemas created before the operator jar starts
 * (as its ServiceAccount, with the shipped RBAC). Measured: time from launching the operator until
 * every resource is Ready at its current generation with a registered version; API requests by verb
 * and resource; registry calls by route; peak heap (GC log) and resident memory; CPU seconds of
 * each process. Then the steady state: one DataSchema changed among N, an operator restart with
 * nothing to do, and one resync round. Run by {@code e2e/bench/operator-scale.sh}; results go to
 * stdout and {@code e2e/target/operator-scale.md}.
 */
@EnabledIfSystemProperty(
    named = "bench.counts",
    matches = "\\d+(,\\d+)*",
    disabledReason = "a benchmark: run e2e/bench/operator-scale.sh")
class OperatorScaleBenchmark {
  private static final List<Integer> COUNTS =
      Arrays.stream(System.getProperty("bench.counts", "0").split(","))
          .map(Integer::valueOf)
          .toList();
  private static final String HEAP = System.getProperty("bench.heap", "512m");
  private static final String THREADS = System.getProperty("bench.threads", "");

  /**
   * Extra JVM options for the operator, e.g. a flight recording to see where its CPU goes; several
   * sets separated by {@code |} are taken in turn for each count, as the jars are.
   */
  private static final List<String> OPERATOR_JVMS =
      List.of(System.getProperty("bench.operatorJvm", "").split("\\|", -1));

  /** Extra operator environment, {@code K=V;K=V}, e.g. {@code SCHEMAGATE_USE_SSA=false}. */
  private static final String OPERATOR_ENV = System.getProperty("bench.operatorEnv", "");

  /**
   * The operator jars to start, comma-separated, taken in turn for each count: e.g. {@code
   * main.jar,branch.jar} with counts {@code 2000,2000,2000,2000} compares two builds alternately in
   * one window. Default: this tree's.
   */
  private static final List<String> OPERATOR_JARS =
      System.getProperty("bench.operatorJar", "").isBlank()
          ? List.of("operator/target/schemagate-operator.jar")
          : List.of(System.getProperty("bench.operatorJar").split(","));

  /** Only the cold start (no change, restart and resync phases): for quick comparisons. */
  private static final boolean COLD_ONLY = Boolean.getBoolean("bench.coldOnly");

  private static final int NAMESPACES = 50;
  private static final int CHANGES = 5;
  private static final int WARM_UP = 1000;
  private static final Duration RESYNC = Duration.ofSeconds(40);
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldBringEveryDataSchemaToReadyFromAColdStartAndStayQuiet() throws Exception {
    Path results = Path.of("target", "operator-scale.md");
    for (int run = 0; run < COUNTS.size(); run++) {
      String report =
          runAt(
              COUNTS.get(run),
              new Launch(
                  OPERATOR_JARS.get(run % OPERATOR_JARS.size()),
                  OPERATOR_JVMS.get(run % OPERATOR_JVMS.size())));
      System.out.println(report);
      Files.writeString(
          results, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /** Which operator jar to start, with which extra JVM options. */
  private record Launch(String jar, String jvmOptions) {}

  private String runAt(int count, Launch launch) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("## %d DataSchemas (%s)%n%n".formatted(count, Instant.now()));
    out.append(
        "- operator jar: %s%s%n"
            .formatted(
                launch.jar(),
                launch.jvmOptions().isBlank() ? "" : ", JVM: " + launch.jvmOptions()));
    RealApiServer cluster = RealApiServer.startFresh();
    Path work = Files.createTempDirectory(Path.of("target"), "operator-scale-");
    try (KubernetesClient admin = cluster.adminClient();
        JarProcess registry = startRegistry(work)) {
      String registryUrl = registryUrl(work);
      prepareCluster(cluster, admin);
      out.append(warmUp(registryUrl));
      long creating = System.nanoTime();
      createDataSchemas(admin, count);
      out.append(
          "- created %d DataSchemas in %d namespaces in %.1f s (16 client threads)%n"
              .formatted(count, NAMESPACES, seconds(creating)));

      Set<String> ready = ConcurrentHashMap.newKeySet();
      Map<String, Long> readyVersions = new ConcurrentHashMap<>();
      try (var tracker =
          admin
              .resources(DataSchema.class)
              .inAnyNamespace()
              .inform(tracking(ready, readyVersions))) {
        Snapshot before = Snapshot.take(admin, registryUrl, registry, null);
        int metricsPort = freePort();
        Path gcLog = work.resolve("gc-cold.log");
        long started = System.nanoTime();
        JarProcess operator =
            startOperator(cluster, launch, registryUrl, metricsPort, gcLog, Duration.ofMinutes(5));
        try {
          awaitAll(ready, count, operator);
          double coldSeconds = seconds(started);
          Snapshot after = Snapshot.take(admin, registryUrl, registry, operator);
          out.append(
              "- **cold start: all %d Ready in %.1f s** (%.0f per second)%n"
                  .formatted(count, coldSeconds, count / coldSeconds));
          out.append(heapLine(gcLog, operator));
          out.append(after.since(before, "cold start"));
          out.append(
              "  - cold start, Kubernetes events dropped by the operator by then: %s%n"
                  .formatted(eventsDropped(metricsPort)));

          if (!COLD_ONLY) {
            out.append(changes(admin, count, readyVersions, operator));
          }
        } finally {
          operator.close();
        }
        if (COLD_ONLY) {
          return out.toString();
        }

        // An operator restart with every resource Ready and registered: it must find nothing to
        // do, quickly, and write nothing; then one resync round must write nothing either.
        Snapshot beforeRestart = Snapshot.take(admin, registryUrl, registry, null);
        long restarting = System.nanoTime();
        JarProcess warm =
            startOperator(
                cluster, launch, registryUrl, metricsPort, work.resolve("gc-warm.log"), RESYNC);
        try {
          awaitReconciled(metricsPort, count, warm);
          out.append(
              "- **warm restart: %d reconciled in %.1f s**%n"
                  .formatted(count, seconds(restarting)));
          Snapshot afterRestart = Snapshot.take(admin, registryUrl, registry, warm);
          out.append(afterRestart.since(beforeRestart, "warm restart"));
          long resyncing = System.nanoTime();
          awaitReconciled(metricsPort, 2L * count, warm);
          out.append(
              "- resync round (interval %ds): %d more reconciled in %.1f s%n"
                  .formatted(RESYNC.toSeconds(), count, seconds(resyncing)));
          out.append(
              Snapshot.take(admin, registryUrl, registry, warm).since(afterRestart, "resync"));
        } finally {
          warm.close();
        }
      }
    } finally {
      cluster.stop();
    }
    return out.toString();
  }

  /** One resource changed among N Ready ones, several times: time until it is Ready again. */
  private static String changes(
      KubernetesClient admin, int count, Map<String, Long> readyVersions, JarProcess operator) {
    List<Double> times = new ArrayList<>();
    for (int change = 0; change < CHANGES; change++) {
      int n = (count / CHANGES) * change;
      String field = "extra" + change;
      String ns = namespace(n);
      String name = "schema-" + n;
      String key = ns + "/" + name;
      long versionBefore = readyVersions.getOrDefault(key, 0L);
      long started = System.nanoTime();
      admin
          .resources(DataSchema.class)
          .inNamespace(ns)
          .withName(name)
          .edit(
              ds -> {
                ds.getSpec().setSchema(schemaText(n, field));
                return ds;
              });
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                assertThat(operator.isAlive()).as("operator died:\n%s", operator.log()).isTrue();
                return readyVersions.getOrDefault(key, 0L) > versionBefore;
              });
      times.add(seconds(started));
    }
    times.sort(Double::compare);
    return "- one DataSchema changed among %d Ready: Ready again in %.2f s median (%s)%n"
        .formatted(
            count,
            times.get(times.size() / 2),
            String.join(", ", times.stream().map(t -> "%.2f".formatted(t)).toList()));
  }

  private static ResourceEventHandler<DataSchema> tracking(
      Set<String> ready, Map<String, Long> readyVersions) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(DataSchema ds) {
        track(ds);
      }

      @Override
      public void onUpdate(DataSchema old, DataSchema ds) {
        track(ds);
      }

      @Override
      public void onDelete(DataSchema ds, boolean unknown) {}

      private void track(DataSchema ds) {
        var status = ds.getStatus();
        if (status != null
            && status.getVersion() != null
            && ds.getMetadata().getGeneration().equals(status.getObservedGeneration())
            && status.condition("Ready").map(Condition::isTrue).orElse(false)) {
          String key = ds.getMetadata().getNamespace() + "/" + ds.getMetadata().getName();
          ready.add(key);
          readyVersions.put(key, status.getVersion().longValue());
        }
      }
    };
  }

  private static void awaitAll(Set<String> ready, int count, JarProcess operator) {
    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              assertThat(operator.isAlive()).as("operator died:\n%s", operator.log()).isTrue();
              return ready.size() >= count;
            });
  }

  private static void awaitReconciled(int metricsPort, long reconciliations, JarProcess operator) {
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(operator.isAlive()).as("operator died:\n%s", operator.log()).isTrue();
              return reconciliations(metricsPort) >= reconciliations;
            });
  }

  /** Events the operator dropped (queue full, spam, API error), by cause; none before session 5. */
  private static Map<String, Long> eventsDropped(int metricsPort) throws Exception {
    String text = get("http://127.0.0.1:" + metricsPort + "/metrics");
    return PrometheusText.of(
            text, "schemagate_operator_events_dropped_total", labels -> labels.get("cause"))
        .since(PrometheusText.of("", "schemagate_operator_events_dropped_total", labels -> ""));
  }

  /** DataSchema reconciliations the operator finished, from its own metrics. */
  private static double reconciliations(int metricsPort) throws Exception {
    String text = get("http://127.0.0.1:" + metricsPort + "/metrics");
    return PrometheusText.of(text, "schemagate_dataschema_outcomes_total", labels -> "all").total();
  }

  private void prepareCluster(RealApiServer cluster, KubernetesClient admin) {
    cluster.ensureCrdsInstalled();
    Kubectl kubectl = cluster.kubectl();
    for (String manifest :
        List.of(
            "namespace.yaml",
            "serviceaccount.yaml",
            "clusterrole.yaml",
            "leader-election-role.yaml")) {
      Kubectl.Result applied =
          kubectl.run(
              "apply", "-f", Repo.root().resolve("operator/manifests/" + manifest).toString());
      assertThat(applied.ok()).as(applied.output()).isTrue();
    }
    for (int i = 0; i < NAMESPACES; i++) {
      admin
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("bench-" + i).endMetadata().build())
          .create();
    }
  }

  private static void createDataSchemas(KubernetesClient admin, int count) {
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      IntStream.range(0, count)
          .forEach(i -> pool.submit(() -> admin.resource(dataSchema(i)).create()));
    }
    assertThat(admin.resources(DataSchema.class).inAnyNamespace().list().getItems()).hasSize(count);
  }

  private static DataSchema dataSchema(int i) {
    DataSchema ds = new DataSchema();
    ds.setMetadata(
        new ObjectMetaBuilder().withName("schema-" + i).withNamespace(namespace(i)).build());
    DataSchemaSpec spec = new DataSchemaSpec();
    spec.setFormat(SchemaFormatType.AVRO);
    spec.setSchema(schemaText(i, null));
    ds.setSpec(spec);
    return ds;
  }

  private static String namespace(int i) {
    return "bench-" + (i % NAMESPACES);
  }

  private static String schemaText(int i, String extraField) {
    String extra =
        extraField == null
            ? ""
            : ", {\"name\": \"%s\", \"type\": [\"null\", \"string\"], \"default\": null}"
                .formatted(extraField);
    return """
        {"type": "record", "name": "Event%d", "namespace": "com.acme.bench",
         "fields": [{"name": "id", "type": "string"}, {"name": "n%d", "type": "long"},
                    {"name": "note", "type": ["null", "string"], "default": null}%s]}"""
        .formatted(i, i, extra);
  }

  private static JarProcess startRegistry(Path work) throws IOException {
    int port = freePort();
    Files.writeString(work.resolve("registry-port"), Integer.toString(port));
    JarProcess registry =
        JarProcess.start(
            "registry-server/target/schemagate-registry.jar",
            "512m",
            Map.of(
                "SCHEMAGATE_PORT",
                Integer.toString(port),
                "SCHEMAGATE_HOST",
                "127.0.0.1",
                "SCHEMAGATE_DATA_DIR",
                work.resolve("registry-data").toString(),
                "SCHEMAGATE_LOG_LEVEL",
                "warn"));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(registry.isAlive()).as("registry died:\n%s", registry.log()).isTrue();
              return get("http://127.0.0.1:" + port + "/readyz") != null;
            });
    return registry;
  }

  private static String registryUrl(Path work) throws IOException {
    return "http://127.0.0.1:" + Files.readString(work.resolve("registry-port"));
  }

  private static JarProcess startOperator(
      RealApiServer cluster,
      Launch launch,
      String registryUrl,
      int metricsPort,
      Path gcLog,
      Duration resync) {
    Map<String, String> env =
        new HashMap<>(ServiceAccounts.impersonating(OperatorProcess.SERVICE_ACCOUNT));
    env.put("KUBECONFIG", cluster.kubeconfig().toString());
    env.put("SCHEMAGATE_REGISTRY_URL", registryUrl);
    env.put("SCHEMAGATE_LEASE_NAMESPACE", OperatorProcess.NAMESPACE);
    env.put("SCHEMAGATE_METRICS_PORT", Integer.toString(metricsPort));
    env.put("SCHEMAGATE_RESYNC_INTERVAL", resync.toSeconds() + "s");
    env.put("SCHEMAGATE_LOG_LEVEL", "warn");
    for (String pair : OPERATOR_ENV.split(";")) {
      if (pair.contains("=")) {
        env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    if (!THREADS.isBlank()) {
      env.put("SCHEMAGATE_RECONCILE_THREADS", THREADS);
    }
    // The JVM options the Helm chart gives the operator, then the benchmark's own.
    List<String> jvm = new ArrayList<>(chartJvmOptions());
    jvm.add("-Xlog:gc:file=" + gcLog);
    if (!launch.jvmOptions().isBlank()) {
      jvm.addAll(
          List.of(
              launch.jvmOptions().replace("{phase}", gcLog.getFileName().toString()).split(" ")));
    }
    return JarProcess.start(launch.jar(), HEAP, env, jvm);
  }

  @SuppressWarnings("unchecked")
  private static List<String> chartJvmOptions() {
    try (var values = Files.newInputStream(Repo.root().resolve("helm/schemagate/values.yaml"))) {
      Map<String, Object> chart =
          io.fabric8.kubernetes.client.utils.Serialization.unmarshal(values, Map.class);
      String options = (String) ((Map<String, Object>) chart.get("operator")).get("jvmOptions");
      return List.of(options.trim().split("\\s+"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The registry has been up for a while when an operator restarts: warm its JIT with the calls the
   * operator makes (on subjects of its own), so that a fresh registry's warm-up is not measured.
   */
  private static String warmUp(String registryUrl) throws Exception {
    long started = System.nanoTime();
    try (var client =
            dev.schemagate.registry.client.SchemaRegistryClient.builder(registryUrl).build();
        ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < WARM_UP; i++) {
        int n = i;
        pool.submit(
            () -> {
              String subject = "warm-up-" + n;
              client.latest(subject);
              client.compatibility(subject);
              return client.registerVersion(
                  subject,
                  dev.schemagate.registry.client.SchemaSubmission.of(
                      dev.schemagate.core.schema.SchemaFormat.AVRO, schemaText(n, null)),
                  false);
            });
      }
    }
    return "- registry warmed up with %d registrations (each: latest, config, register) in %.1f s%n"
        .formatted(WARM_UP, seconds(started));
  }

  private static String heapLine(Path gcLog, JarProcess operator) throws IOException {
    long peakBefore = 0;
    long peakLive = 0;
    int collections = 0;
    for (String line : Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.<String>of()) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        collections++;
        peakBefore = Math.max(peakBefore, Long.parseLong(m.group(1)));
        peakLive = Math.max(peakLive, Long.parseLong(m.group(2)));
      }
    }
    return "- operator -Xmx%s: heap peak %d MiB before GC, %d MiB live after GC (%d GCs); peak RSS %d MiB%n"
        .formatted(
            HEAP, peakBefore, peakLive, collections, ProcessStats.peakRssMib(operator.handle()));
  }

  /** Counters of every party at one moment, to subtract. */
  private record Snapshot(
      PrometheusText apiRequests, PrometheusText registryCalls, Map<String, Double> cpu) {
    static Snapshot take(
        KubernetesClient admin, String registryUrl, JarProcess registry, JarProcess operator)
        throws Exception {
      PrometheusText api =
          PrometheusText.of(
              admin.raw("/metrics"),
              "apiserver_request_total",
              l ->
                  l.get("verb")
                      + " "
                      + l.getOrDefault("resource", "")
                      + (l.getOrDefault("subresource", "").isEmpty()
                          ? ""
                          : "/" + l.get("subresource")));
      PrometheusText calls =
          PrometheusText.of(
              get(registryUrl + "/metrics"),
              "schemagate_http_requests_seconds_count",
              l ->
                  "/metrics".equals(l.get("route"))
                      ? null
                      : l.get("method") + " " + l.get("route"));
      Map<String, Double> cpu = new java.util.TreeMap<>();
      cpu.put("registry+postgres", ProcessStats.cpuSeconds(registry.handle()));
      if (operator != null) {
        cpu.put("operator", ProcessStats.cpuSeconds(operator.handle()));
      }
      cpu.put(
          "kube-apiserver",
          ProcessStats.childrenNamed("kube-apiserver").mapToDouble(ProcessStats::cpuSeconds).sum());
      cpu.put(
          "etcd", ProcessStats.childrenNamed("/etcd").mapToDouble(ProcessStats::cpuSeconds).sum());
      return new Snapshot(api, calls, cpu);
    }

    String since(Snapshot before, String phase) {
      Map<String, Long> api = apiRequests.since(before.apiRequests);
      api.keySet().removeIf(k -> k.startsWith("WATCH") || k.contains("leases"));
      StringBuilder text = new StringBuilder();
      text.append(
          "  - %s, API requests (not counting watches, leases): %s%n".formatted(phase, api));
      text.append(
          "  - %s, registry calls: %s%n"
              .formatted(phase, registryCalls.since(before.registryCalls)));
      Map<String, String> used = new java.util.TreeMap<>();
      cpu.forEach((k, v) -> used.put(k, "%.1f".formatted(v - before.cpu.getOrDefault(k, 0.0))));
      text.append("  - %s, CPU seconds: %s%n".formatted(phase, used));
      return text.toString();
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
