package dev.schemagate.operator.bench;

import static org.awaitility.Awaitility.await;

import dev.schemagate.crds.CrdManifests;
import dev.schemagate.crds.v1alpha1.Condition;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.DataSchemaSpec;
import dev.schemagate.crds.v1alpha1.SchemaFormatType;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cold start at scale: N DataSchemas already in the (mock) API server, the operator jar started in
 * its own JVM with a fixed heap, timed until every resource is Ready. Peak heap comes from the
 * operator JVM's GC log. Runs only in the {@code bench} profile (see BENCHMARKS.md).
 */
@EnabledIfSystemProperty(
    named = "bench.count",
    matches = "\\d+",
    disabledReason = "a benchmark: run it with -Pbench (see operator/BENCHMARKS.md)")
class ColdStartBenchmark {
  private static final int COUNT = Integer.getInteger("bench.count", 0);
  private static final int THREADS = Integer.getInteger("bench.threads", 32);
  private static final String HEAP = System.getProperty("bench.heap", "512m");
  private static final Path JAR = Path.of("target", "schemagate-operator.jar");
  private static final java.util.logging.Logger MOCK_LOGGER =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @Test
  void shouldBringEveryDataSchemaToReadyFromAColdStart() throws Exception {
    // The mock server logs every request through java.util.logging: not what is measured.
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    var server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    Path work = Files.createTempDirectory("schemagate-bench-");
    try (KubernetesClient client = server.createClient();
        RunningRegistry registry = RegistryConfig.forTests().start()) {
      CrdManifests.all()
          .forEach(
              crd ->
                  client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
      long creating = System.nanoTime();
      createDataSchemas(client);
      System.out.printf(
          "created %d DataSchemas in the mock server in %d ms%n",
          COUNT, (System.nanoTime() - creating) / 1_000_000);
      long registering = System.nanoTime();
      try (var probe =
              dev.schemagate.registry.client.SchemaRegistryClient.builder(registry.url()).build();
          ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
        for (int i = 0; i < COUNT; i++) {
          int n = i;
          pool.submit(
              () ->
                  probe.register(
                      "probe-" + n,
                      dev.schemagate.registry.client.SchemaSubmission.of(
                          dev.schemagate.core.schema.SchemaFormat.AVRO,
                          dataSchema(n).getSpec().getSchema()),
                      false));
        }
      }
      System.out.printf(
          "registry alone: %d registrations in %d ms%n",
          COUNT, (System.nanoTime() - registering) / 1_000_000);

      Path kubeconfig = writeKubeconfig(work, client.getMasterUrl().toString());
      Path gcLog = work.resolve("gc.log");
      // Count Ready resources from a watch, so that measuring does not load the API server.
      var ready = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
      try (var watch =
          client
              .resources(DataSchema.class)
              .inAnyNamespace()
              .inform(
                  new io.fabric8.kubernetes.client.informers.ResourceEventHandler<>() {
                    @Override
                    public void onAdd(DataSchema ds) {
                      track(ds, ready);
                    }

                    @Override
                    public void onUpdate(DataSchema before, DataSchema ds) {
                      track(ds, ready);
                    }

                    @Override
                    public void onDelete(DataSchema ds, boolean unknown) {}
                  })) {
        long started = System.nanoTime();
        Process operator =
            startOperator(kubeconfig, registry.url(), gcLog, work.resolve("operator.log"));
        try {
          await()
              .atMost(Duration.ofMinutes(10))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> ready.size() == COUNT);
          Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
          report(elapsed, gcLog);
        } finally {
          operator.destroy();
          operator.waitFor();
        }
      }
    } finally {
      server.destroy();
    }
  }

  private static void createDataSchemas(KubernetesClient client) throws InterruptedException {
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      IntStream.range(0, COUNT)
          .forEach(i -> pool.submit(() -> client.resource(dataSchema(i)).create()));
    }
  }

  private static DataSchema dataSchema(int i) {
    DataSchema ds = new DataSchema();
    ds.setMetadata(
        new ObjectMetaBuilder().withName("schema-" + i).withNamespace("ns-" + (i % 50)).build());
    DataSchemaSpec spec = new DataSchemaSpec();
    spec.setFormat(SchemaFormatType.AVRO);
    spec.setSchema(
        """
        {"type": "record", "name": "Event%d", "namespace": "com.acme.bench",
         "fields": [{"name": "id", "type": "string"}, {"name": "n%d", "type": "long"},
                    {"name": "note", "type": ["null", "string"], "default": null}]}"""
            .formatted(i, i));
    ds.setSpec(spec);
    return ds;
  }

  private static void track(DataSchema ds, java.util.Set<String> ready) {
    if (ds.getStatus() != null
        && ds.getStatus().condition("Ready").map(Condition::isTrue).orElse(false)) {
      ready.add(ds.getMetadata().getNamespace() + "/" + ds.getMetadata().getName());
    }
  }

  private static Process startOperator(Path kubeconfig, String registryUrl, Path gcLog, Path log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    var builder =
        new ProcessBuilder(
            java, "-Xmx" + HEAP, "-Xlog:gc:file=" + gcLog, "-jar", JAR.toAbsolutePath().toString());
    var env = builder.environment();
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("SCHEMAGATE_REGISTRY_URL", registryUrl);
    env.put("SCHEMAGATE_RECONCILE_THREADS", Integer.toString(THREADS));
    env.put("SCHEMAGATE_USE_SSA", "false");
    env.put("SCHEMAGATE_LEADER_ELECTION", "false");
    env.put("SCHEMAGATE_METRICS_PORT", "-1");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  private static Path writeKubeconfig(Path dir, String masterUrl) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
        - name: bench
          user: {token: bench}
        contexts:
        - name: mock
          context: {cluster: mock, user: bench, namespace: default}
        current-context: mock
        """
            .formatted(masterUrl));
    return file;
  }

  private static void report(Duration elapsed, Path gcLog) throws IOException {
    long peakBeforeGc = 0;
    long peakAfterGc = 0;
    long committed = 0;
    List<String> lines = Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    for (String line : lines) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        peakBeforeGc = Math.max(peakBeforeGc, Long.parseLong(m.group(1)));
        peakAfterGc = Math.max(peakAfterGc, Long.parseLong(m.group(2)));
        committed = Math.max(committed, Long.parseLong(m.group(3)));
      }
    }
    String result =
        ("cold start: %d DataSchemas Ready in %.1f s with %d reconcile threads, -Xmx%s;"
                + " heap peak %d MiB before GC, %d MiB live after GC, %d MiB committed (%d GCs)%n")
            .formatted(
                COUNT,
                elapsed.toMillis() / 1000.0,
                THREADS,
                HEAP,
                peakBeforeGc,
                peakAfterGc,
                committed,
                lines.stream().filter(l -> GC_LINE.matcher(l).find()).count());
    System.out.print(result);
    Files.writeString(
        Path.of("target", "bench-result.txt"),
        result,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}
