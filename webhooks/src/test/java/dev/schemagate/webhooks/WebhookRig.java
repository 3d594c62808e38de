package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.webhooks.kubernetes.ClusterReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A webhook server on a free port with a fresh self-signed certificate, and a client for it. */
final class WebhookRig implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final TestCertificates.Issued certificate;
  final Webhooks webhooks;
  final HttpClient client;

  WebhookRig(Path tlsDir, URI registry, ClusterReader cluster, Map<String, String> extraEnv)
      throws Exception {
    certificate = TestCertificates.issue("schemagate-webhooks");
    TestCertificates.write(certificate, tlsDir, true);
    Map<String, String> env = new HashMap<>();
    env.put("SCHEMAGATE_WEBHOOK_PORT", "0");
    env.put("SCHEMAGATE_TLS_CERT", tlsDir.resolve("tls.crt").toString());
    env.put("SCHEMAGATE_TLS_KEY", tlsDir.resolve("tls.key").toString());
    env.put("SCHEMAGATE_REGISTRY_URL", registry.toString());
    env.put("SCHEMAGATE_WEBHOOK_CACHE_TTL", "0s"); // every test sees the registry as it is
    env.put("SCHEMAGATE_METRICS_PORT", "0");
    env.putAll(extraEnv);
    webhooks =
        new Webhooks(
            WebhookConfig.fromEnv(env),
            AdmissionSettings.fromEnv(env),
            cluster,
            Schemas.parser(),
            Compatibility.checker());
    client = TestCertificates.client(certificate.certificate());
  }

  URI uri(String path) {
    return URI.create("https://127.0.0.1:" + webhooks.port() + path);
  }

  HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(10)) // the API server's default webhook timeout
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs a fixture, expects a well-formed AdmissionReview answer, returns its response. */
  JsonNode review(String path, String fixture) throws Exception {
    return review(path, JSON.readTree(fixture(fixture)));
  }

  /** POSTs a DataSchema review built in a test. */
  JsonNode review(JsonNode request) throws Exception {
    return review("/validate/dataschemas", request);
  }

  JsonNode review(String path, JsonNode request) throws Exception {
    HttpResponse<String> answer = post(path, JSON.writeValueAsBytes(request));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode review = JSON.readTree(answer.body());
    assertThat(review.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
    assertThat(review.path("kind").asText()).isEqualTo("AdmissionReview");
    JsonNode response = review.path("response");
    assertThat(response.path("uid").asText())
        .isEqualTo(request.path("request").path("uid").asText());
    return response;
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = WebhookRig.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    }
  }

  /** A fixture as a tree, to change a field before posting it. */
  static com.fasterxml.jackson.databind.node.ObjectNode tree(String name) throws IOException {
    return (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(fixture(name));
  }

  /** A DataSchema CREATE review of {@code schema} under {@code subject} at {@code level}. */
  static com.fasterxml.jackson.databind.node.ObjectNode dataSchema(
      String subject, String schema, dev.schemagate.core.compat.CompatibilityLevel level)
      throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode review =
        tree("dataschema-create-compatible.json");
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            review.path("request").path("object").path("spec"))
        .put("subject", subject)
        .put("schema", schema)
        .put("compatibility", level.name());
    return review;
  }

  static String text(String name) throws IOException {
    return new String(fixture(name), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    webhooks.close();
  }
}
