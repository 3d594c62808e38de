package dev.schemagate.webhooks.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RegistryServer;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.webhooks.WebhookConfig;
import dev.schemagate.webhooks.Webhooks;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Admission latency at a fixed arrival rate (open loop: each request has a scheduled send time and
 * its latency is measured from that time, so a stall is not hidden by the client waiting). Starts
 * the real registry server (embedded PostgreSQL), registers {@code versions} versions of a {@code
 * fields}-field Avro record, starts the webhook server over HTTPS, and posts DataSchema reviews of
 * the next (compatible) version, checked at BACKWARD_TRANSITIVE against every version.
 *
 * <p>Arguments (all optional): rate per second (100), seconds measured (30), warm-up seconds (10),
 * fields (200), versions (20), history cache TTL ({@code 5s}; {@code 0s} disables it).
 */
public final class AdmissionLatencyBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    int rate = arg(args, 0, 100);
    int seconds = arg(args, 1, 30);
    int warmup = arg(args, 2, 10);
    int fields = arg(args, 3, 200);
    int versions = arg(args, 4, 20);
    String ttl = args.length > 5 ? args[5] : "5s";

    Path tls = Files.createTempDirectory("schemagate-bench-tls");
    X509Certificate certificate = selfSigned(tls);
    try (RunningRegistry registry = RegistryServer.start(RegistryConfig.forTests().build());
        SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url()).build()) {
      for (int v = 1; v <= versions; v++) {
        client.register(
            "bench-value", SchemaSubmission.of(SchemaFormat.AVRO, schema(fields, v)), false);
      }
      Map<String, String> env = new HashMap<>();
      env.put("SCHEMAGATE_WEBHOOK_PORT", "0");
      env.put("SCHEMAGATE_TLS_CERT", tls.resolve("tls.crt").toString());
      env.put("SCHEMAGATE_TLS_KEY", tls.resolve("tls.key").toString());
      env.put("SCHEMAGATE_REGISTRY_URL", registry.url());
      env.put("SCHEMAGATE_WEBHOOK_CACHE_TTL", ttl);
      try (Webhooks webhooks =
          new Webhooks(
              WebhookConfig.fromEnv(env), NO_CLUSTER, Schemas.parser(), Compatibility.checker())) {
        byte[] body = review(schema(fields, versions + 1));
        HttpClient http = client(certificate);
        URI uri = URI.create("https://127.0.0.1:" + webhooks.port() + "/validate/dataschemas");
        run(http, uri, body, rate, warmup); // warm-up: JIT, connections, caches
        long[] latencies = run(http, uri, body, rate, seconds);
        report(latencies, rate, seconds, fields, versions, ttl);
      }
    }
  }

  private static long[] run(HttpClient http, URI uri, byte[] body, int rate, int seconds)
      throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger denied = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      long wait;
      while ((wait = scheduled - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int index = i;
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .thenAccept(
                  response -> {
                    latencies[index] = System.nanoTime() - scheduled;
                    if (response.statusCode() != 200
                        || !response.body().contains("\"allowed\":true")) {
                      denied.incrementAndGet();
                    }
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    if (denied.get() > 0) {
      // Reported, not hidden: a denial here means the registry did not answer in time.
      System.out.printf("%d of %d requests were not allowed%n", denied.get(), total);
    }
    return latencies;
  }

  private static void report(
      long[] latencies, int rate, int seconds, int fields, int versions, String ttl) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "admission latency, %d requests at %d/s (%d-field Avro record, %d versions,"
            + " BACKWARD_TRANSITIVE, history cache %s)%n"
            + "  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
        latencies.length,
        rate,
        fields,
        versions,
        ttl,
        ms(sorted, 0.50),
        ms(sorted, 0.90),
        ms(sorted, 0.99),
        ms(sorted, 0.999),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  /** Version {@code v} has {@code fields} fields plus one optional field per later version. */
  static String schema(int fields, int version) {
    ObjectNode record =
        JSON.createObjectNode().put("type", "record").put("name", "Wide").put("namespace", "bench");
    ArrayNode list = record.putArray("fields");
    for (int f = 0; f < fields; f++) {
      String type =
          switch (f % 4) {
            case 0 -> "string";
            case 1 -> "long";
            case 2 -> "double";
            default -> "boolean";
          };
      list.addObject().put("name", "f" + f).put("type", type);
    }
    for (int extra = 2; extra <= version; extra++) {
      ObjectNode optional = list.addObject().put("name", "added" + extra);
      optional.putArray("type").add("null").add("string");
      optional.putNull("default");
    }
    return record.toString();
  }

  private static byte[] review(String schema) throws Exception {
    ObjectNode object =
        JSON.createObjectNode()
            .put("apiVersion", "schemagate.dev/v1alpha1")
            .put("kind", "DataSchema");
    object.putObject("metadata").put("name", "bench").put("namespace", "bench");
    object
        .putObject("spec")
        .put("subject", "bench-value")
        .put("format", "AVRO")
        .put("schema", schema)
        .put("compatibility", "BACKWARD_TRANSITIVE");
    ObjectNode review =
        JSON.createObjectNode()
            .put("apiVersion", "admission.k8s.io/v1")
            .put("kind", "AdmissionReview");
    ObjectNode request =
        review
            .putObject("request")
            .put("uid", "bench-0001")
            .put("operation", "CREATE")
            .put("namespace", "bench")
            .put("name", "bench");
    request
        .putObject("kind")
        .put("group", "schemagate.dev")
        .put("version", "v1alpha1")
        .put("kind", "DataSchema");
    request.set("object", object);
    return JSON.writeValueAsBytes(review);
  }

  private static X509Certificate selfSigned(Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    var builder =
        new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
            new org.bouncycastle.asn1.x500.X500Name("CN=bench"),
            java.math.BigInteger.ONE,
            new java.util.Date(System.currentTimeMillis() - 60_000),
            new java.util.Date(System.currentTimeMillis() + 86_400_000),
            new org.bouncycastle.asn1.x500.X500Name("CN=bench"),
            keys.getPublic());
    builder.addExtension(
        org.bouncycastle.asn1.x509.Extension.subjectAlternativeName,
        false,
        new org.bouncycastle.asn1.x509.GeneralNames(
            new org.bouncycastle.asn1.x509.GeneralName(
                org.bouncycastle.asn1.x509.GeneralName.iPAddress, "127.0.0.1")));
    X509Certificate certificate =
        new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                        .build(keys.getPrivate())));
    for (var entry :
        Map.of(
                "tls.crt",
                (Object) certificate,
                "tls.key",
                new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null))
            .entrySet()) {
      StringWriter pem = new StringWriter();
      try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(pem)) {
        writer.writeObject(entry.getValue());
      }
      Files.writeString(dir.resolve(entry.getKey()), pem.toString());
    }
    return certificate;
  }

  private static HttpClient client(X509Certificate certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("bench", certificate);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  /** The benchmark reviews DataSchemas with inline schemas: the cluster is never asked. */
  private static final ClusterReader NO_CLUSTER =
      new ClusterReader() {
        @Override
        public Optional<com.fasterxml.jackson.databind.JsonNode> dataSchema(
            String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public Optional<String> configMapValue(String namespace, String name, String key) {
          return Optional.empty();
        }
      };

  private AdmissionLatencyBenchmark() {}
}
