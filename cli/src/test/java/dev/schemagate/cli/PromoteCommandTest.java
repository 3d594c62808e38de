package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.cli.manifest.YamlDocument;
import dev.schemagate.cli.manifest.YamlDocuments;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.crds.CrdManifests;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schemagate promote} between two real registries (staging and prod), with prod's lineage
 * graph grading the impact; {@code --apply} against the fabric8 mock API server.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PromoteCommandTest {
  static final AtomicInteger SEQUENCE = new AtomicInteger();
  static RunningRegistry staging;
  static RunningRegistry prod;
  static KubernetesClient client;

  @TempDir Path dir;

  @BeforeAll
  static void startTwoRegistries() {
    staging = RegistryConfig.forTests().start();
    prod = RegistryConfig.forTests().start();
    CrdManifests.all().forEach(crd -> client.resource(crd).create());
  }

  @AfterAll
  static void stop() {
    staging.close();
    prod.close();
  }

  static String environments() {
    return "staging=%s,prod=%s".formatted(staging.url(), prod.url());
  }

  static String subject(String prefix) {
    return prefix + SEQUENCE.incrementAndGet() + "-value";
  }

  static int register(RunningRegistry registry, String subject, String version) throws Exception {
    try (SchemaRegistryClient c = SchemaRegistryClient.builder(registry.url()).build()) {
      return c.register(subject, SchemaSubmission.of(SchemaFormat.AVRO, schemaOf(version)), false);
    }
  }

  @Test
  void shouldWritePromotionResourcesForGitOps() throws Exception {
    String subject = subject("orders");
    register(staging, subject, "orders-v1");
    register(staging, subject, "orders-v2");
    register(prod, subject, "orders-v1");

    CliRun run =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "--namespace",
            "orders",
            subject);

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<YamlDocument> docs = YamlDocuments.parse("stdout", run.out());
    assertThat(docs).hasSize(1);
    JsonNode promotion = docs.getFirst().root();
    assertThat(promotion.path("kind").asText()).isEqualTo("Promotion");
    assertThat(promotion.path("apiVersion").asText()).isEqualTo("schemagate.dev/v1alpha1");
    assertThat(promotion.path("metadata").path("namespace").asText()).isEqualTo("orders");
    assertThat(promotion.path("metadata").path("name").asText()).isEqualTo(subject + "-v2-to-prod");
    JsonNode spec = promotion.path("spec");
    assertThat(spec.path("schemaRef").asText()).isEqualTo(subject);
    assertThat(spec.path("version").asInt()).isEqualTo(2);
    assertThat(spec.path("from").asText()).isEqualTo("staging");
    assertThat(spec.path("to").asText()).isEqualTo("prod");
  }

  @Test
  void shouldPromoteOnlyWhatTheTargetLacksWhenNoSubjectIsNamed() throws Exception {
    String same = subject("same");
    String missing = subject("missing");
    register(staging, same, "orders-v1");
    register(prod, same, "orders-v1");
    register(staging, missing, "orders-v1");

    CliRun run =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "--output-dir",
            dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve(missing + "-v1-to-prod.yaml")).exists();
    assertThat(dir.resolve(same + "-v1-to-prod.yaml")).doesNotExist();
  }

  @Test
  void shouldSyncKeepingTheIdWhenTheTargetIsInImportMode() throws Exception {
    String filler = subject("filler");
    register(staging, filler, "orders-v1"); // staging's ids run ahead of prod's
    String subject = subject("imported");
    register(staging, subject, "orders-v1");
    int id = register(staging, subject, "orders-v2");
    putMode(prod, subject, "IMPORT");

    CliRun run =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "--sync",
            subject);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "%s: promoted to prod as version 1, id %d kept (IMPORT mode)".formatted(subject, id));
    try (SchemaRegistryClient c = SchemaRegistryClient.builder(prod.url()).build()) {
      RegisteredSchema latest = c.latest(subject).orElseThrow();
      assertThat(latest.id()).isEqualTo(id);
    }
    CliRun again =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "--sync",
            subject);
    assertThat(again.out())
        .contains("%s: already in prod as version 1, id %d".formatted(subject, id));
  }

  @Test
  void shouldBlockACriticalImpactUntilTheOwnersApprove() throws Exception {
    String subject = subject("graded");
    String topic = subject.substring(0, subject.length() - "-value".length());
    register(staging, subject, "orders-v1");
    register(prod, subject, "orders-v1");
    String changed =
        schemaOf("orders-v1")
            .replace(
                "\"name\": \"currency\", \"type\": \"string\"",
                "\"name\": \"currency\", \"type\": [\"null\", \"string\"], \"default\": null");
    try (SchemaRegistryClient c = SchemaRegistryClient.builder(staging.url()).build()) {
      c.setCompatibility(subject, dev.schemagate.core.compat.CompatibilityLevel.NONE);
      c.register(subject, SchemaSubmission.of(SchemaFormat.AVRO, changed), false);
    }
    try (SchemaRegistryClient c = SchemaRegistryClient.builder(prod.url()).build()) {
      c.setCompatibility(subject, dev.schemagate.core.compat.CompatibilityLevel.NONE);
    }
    declareConsumer(
        prod, "dashboard", "exec-revenue-" + topic, "finance", "CRITICAL", topic, "currency");

    String[] args = {
      "promote",
      "--from",
      "staging",
      "--to",
      "prod",
      "--environments",
      environments(),
      "--sync",
      subject
    };
    CliRun blocked = CliRun.of(args);
    CliRun approved =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "--sync",
            "--approve",
            "finance",
            subject);

    assertThat(blocked.exitCode()).as(blocked.err()).isEqualTo(1);
    assertThat(blocked.out())
        .contains(subject + ": blocked, CRITICAL impact")
        .contains("approval needed from finance");
    assertThat(approved.exitCode()).as(approved.err()).isZero();
    assertThat(approved.out())
        .contains(subject + ": promoted to prod as version 2")
        .contains("impact CRITICAL");
  }

  @Test
  void shouldApplyThePromotionsToTheCluster() throws Exception {
    String subject = subject("applied");
    register(staging, subject, "orders-v1");
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: me, user: {token: t}}]
        contexts: [{name: mock, context: {cluster: mock, user: me, namespace: default}}]
        current-context: mock
        """
            .formatted(client.getMasterUrl()));

    CliRun run =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "--apply",
            "--kubeconfig",
            kubeconfig.toString(),
            "--namespace",
            "orders",
            subject);
    CliRun again =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "--apply",
            "--kubeconfig",
            kubeconfig.toString(),
            "--namespace",
            "orders",
            subject);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(again.exitCode()).as(again.err()).isZero();
    Promotion promotion =
        client
            .resources(Promotion.class)
            .inNamespace("orders")
            .withName(subject + "-v1-to-prod")
            .get();
    assertThat(promotion).isNotNull();
    assertThat(promotion.getSpec().getFrom()).isEqualTo("staging");
    assertThat(promotion.getSpec().getVersion()).isEqualTo(1);
    assertThat(client.resources(Promotion.class).inNamespace("orders").list().getItems())
        .hasSize(1);
  }

  @Test
  void shouldExitTwoWithOneLineForAnUnknownEnvironment() {
    CliRun run =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "qa",
            "--environments",
            environments(),
            "x-value");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .containsExactly("schemagate promote: unknown environment 'qa': known staging, prod");
  }

  @Test
  void shouldExitTwoForAnUnknownSubjectAndMalformedEnvironments() {
    CliRun subject =
        CliRun.of(
            "promote",
            "--from",
            "staging",
            "--to",
            "prod",
            "--environments",
            environments(),
            "no-such-value");
    CliRun malformed =
        CliRun.of("promote", "--from", "staging", "--to", "prod", "--environments", "staging");

    assertThat(subject.exitCode()).isEqualTo(2);
    assertThat(subject.err()).contains("subject 'no-such-value' is not in staging's registry");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err().lines()).hasSize(1);
    assertThat(malformed.err()).contains("has no registry URL");
  }

  static String schemaOf(String version) throws java.io.IOException {
    String yaml = Files.readString(Path.of("../schemas/orders/" + version + ".yaml"));
    return yaml.substring(yaml.indexOf("schema: |") + "schema: |".length()).strip();
  }

  private static void putMode(RunningRegistry registry, String subject, String mode)
      throws Exception {
    send(registry, "PUT", "/mode/" + subject, "{\"mode\":\"" + mode + "\"}");
  }

  private static void declareConsumer(
      RunningRegistry registry,
      String kind,
      String name,
      String owner,
      String criticality,
      String topic,
      String... fields)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    var body = json.createObjectNode();
    body.put("owner", owner);
    body.put("criticality", criticality);
    body.putObject("dataset").put("namespace", "kafka").put("name", topic);
    var array = body.putArray("fields");
    for (String f : fields) {
      array.add(f);
    }
    send(
        registry,
        "PUT",
        "/api/v1/lineage/consumers/%s/%s".formatted(kind, name),
        json.writeValueAsString(body));
  }

  private static void send(RunningRegistry registry, String method, String path, String body)
      throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.url() + path))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
  }
}
