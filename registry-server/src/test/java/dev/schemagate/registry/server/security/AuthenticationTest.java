package dev.schemagate.registry.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.SharedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every endpoint refuses wrong credentials (401) and missing roles (403); right ones work. */
class AuthenticationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String SCHEMA =
      "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":[]}\"}";
  private static final String PASSWORD = "s3cret-Pa55";
  private static final String HASH = PasswordCheck.hash(PASSWORD.toCharArray());

  @TempDir static Path dir;
  private static AuthServer idp;
  private static RunningRegistry registry;
  private static Path authFile;
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  /** Every route the registry mounts, with a body where it takes one. */
  private static final List<String[]> ENDPOINTS =
      List.of(
          new String[] {"GET", "/subjects", null},
          new String[] {"GET", "/subjects/orders-a/versions", null},
          new String[] {"POST", "/subjects/orders-a/versions", SCHEMA},
          new String[] {"GET", "/subjects/orders-a/versions/1", null},
          new String[] {"GET", "/subjects/orders-a/versions/1/schema", null},
          new String[] {"GET", "/subjects/orders-a/versions/1/referencedby", null},
          new String[] {"POST", "/subjects/orders-a", SCHEMA},
          new String[] {"DELETE", "/subjects/orders-a/versions/1", null},
          new String[] {"DELETE", "/subjects/orders-a", null},
          new String[] {"GET", "/schemas/ids/1", null},
          new String[] {"GET", "/schemas/ids/1/schema", null},
          new String[] {"GET", "/schemas/ids/1/subjects", null},
          new String[] {"GET", "/schemas/ids/1/versions", null},
          new String[] {"GET", "/schemas/types", null},
          new String[] {"GET", "/contexts", null},
          new String[] {"GET", "/", null},
          new String[] {"POST", "/compatibility/subjects/orders-a/versions/latest", SCHEMA},
          new String[] {"POST", "/compatibility/subjects/orders-a/versions", SCHEMA},
          new String[] {"GET", "/config", null},
          new String[] {"PUT", "/config", "{\"compatibility\":\"NONE\"}"},
          new String[] {"DELETE", "/config", null},
          new String[] {"GET", "/config/orders-a", null},
          new String[] {"PUT", "/config/orders-a", "{\"compatibility\":\"NONE\"}"},
          new String[] {"DELETE", "/config/orders-a", null},
          new String[] {"GET", "/mode", null},
          new String[] {"PUT", "/mode", "{\"mode\":\"READWRITE\"}"},
          new String[] {"GET", "/mode/orders-a", null},
          new String[] {"PUT", "/mode/orders-a", "{\"mode\":\"READWRITE\"}"},
          new String[] {"DELETE", "/mode/orders-a", null},
          new String[] {"POST", "/api/v1/lineage", "{}"},
          new String[] {"GET", "/api/v1/lineage/impact?field=a.b.c", null},
          new String[] {"GET", "/api/v1/lineage/upstream?field=a.b.c", null},
          new String[] {"PUT", "/api/v1/lineage/consumers/service/x", "{}"},
          new String[] {"DELETE", "/api/v1/lineage/consumers/service/x", null});

  @BeforeAll
  static void start() throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    LOGS.start();
    idp = new AuthServer();
    authFile = dir.resolve("auth.yaml");
    writeUsers("");
    registry =
        RegistryConfig.forTests()
            .database(SharedDatabase.config())
            .security(
                SecurityConfig.NONE
                    .withAuthFile(authFile)
                    .withJwks(
                        idp.jwksUrl(),
                        Optional.of(AuthServer.ISSUER),
                        Optional.of(AuthServer.AUDIENCE)))
            .start();
  }

  private static void writeUsers(String extra) throws Exception {
    Path next = dir.resolve("auth.yaml.next");
    Files.writeString(
        next,
        """
        users:
          - name: admin
            passwordHash: "%1$s"
            grants: [{role: admin}]
          - name: orders-writer
            passwordHash: "%1$s"
            grants: [{role: write, subjectPrefix: "orders-"}]
          - name: reader
            passwordHash: "%1$s"
            grants: [{role: read}]
          - name: svc-operator
            grants: [{role: admin}]
        %2$s"""
            .formatted(HASH, extra));
    Files.move(
        next,
        authFile,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @AfterAll
  static void stop() {
    registry.close();
    idp.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
  }

  record Answer(int status, JsonNode body, String authenticate) {}

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static Answer call(String method, String path, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json =
        response.body().startsWith("{") || response.body().startsWith("[")
            ? JSON.readTree(response.body())
            : JSON.nullNode();
    return new Answer(
        response.statusCode(), json, response.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  @Test
  void shouldRefuseEveryEndpointWithoutOrWithWrongCredentialsWith401() throws Exception {
    for (String[] e : ENDPOINTS) {
      for (String authorization :
          new String[] {null, basic("admin", "wrong"), "Bearer not.a.jwt"}) {
        Answer answer = call(e[0], e[1], e[2], authorization);
        assertThat(answer.status()).as(e[0] + " " + e[1] + " with " + authorization).isEqualTo(401);
        assertThat(answer.body().path("error_code").asInt()).isEqualTo(40101);
        assertThat(answer.authenticate()).contains("Basic");
      }
    }
  }

  @Test
  void shouldRefuseEveryKindOfWrongCredentialWith401() throws Exception {
    for (String[] e : List.of(ENDPOINTS.get(0), ENDPOINTS.get(2), ENDPOINTS.get(19))) {
      for (String authorization :
          new String[] {
            null,
            basic("admin", "wrong"),
            basic("nobody", PASSWORD),
            basic("svc-operator", ""),
            "Basic !!notbase64",
            "Bearer not.a.jwt",
            "Bearer "
                + idp.token(
                    "admin", "https://other-issuer", Instant.now().plusSeconds(60), idp.key()),
            "Bearer "
                + idp.token("admin", AuthServer.ISSUER, Instant.now().minusSeconds(600), idp.key()),
            "Bearer "
                + idp.token(
                    "admin",
                    AuthServer.ISSUER,
                    Instant.now().plusSeconds(60),
                    new RSAKeyGenerator(2048).keyID("k1").generate()),
            "Digest whatever"
          }) {
        Answer answer = call(e[0], e[1], e[2], authorization);
        assertThat(answer.status()).as(e[0] + " " + e[1] + " with " + authorization).isEqualTo(401);
        assertThat(answer.body().path("error_code").asInt()).isEqualTo(40101);
        assertThat(answer.authenticate()).contains("Basic");
      }
    }
  }

  @Test
  void shouldRefuseEveryProtectedEndpointToAPrincipalWithoutGrantsWith403() throws Exception {
    String stranger = "Bearer " + idp.token("a-stranger");
    for (String[] e : ENDPOINTS) {
      Answer answer = call(e[0], e[1], e[2], stranger);
      assertThat(answer.status()).as(e[0] + " " + e[1]).isEqualTo(403);
      assertThat(answer.body().path("error_code").asInt()).isEqualTo(40301);
      assertThat(answer.body().path("message").asText()).contains("a-stranger");
    }
  }

  @Test
  void shouldLeaveProbesAndMetricsOpen() throws Exception {
    for (String path : List.of("/healthz", "/readyz", "/metrics")) {
      assertThat(call("GET", path, null, null).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void shouldScopeRolesBySubjectPrefix() throws Exception {
    String writer = basic("orders-writer", PASSWORD);
    String reader = basic("reader", PASSWORD);
    String admin = basic("admin", PASSWORD);
    assertThat(call("POST", "/subjects/orders-s1/versions", SCHEMA, writer).status())
        .isEqualTo(200);
    assertThat(call("POST", "/subjects/payments-s1/versions", SCHEMA, writer).status())
        .isEqualTo(403);
    assertThat(call("POST", "/subjects/payments-s1/versions", SCHEMA, admin).status())
        .isEqualTo(200);
    assertThat(call("POST", "/subjects/orders-s1/versions", SCHEMA, reader).status())
        .isEqualTo(403);
    assertThat(call("GET", "/subjects/orders-s1/versions/latest", null, reader).status())
        .isEqualTo(200);
    assertThat(call("POST", "/subjects/orders-s1", SCHEMA, reader).status()).isEqualTo(200);
    // config, mode and deletes need admin
    assertThat(call("PUT", "/config/orders-s1", "{\"compatibility\":\"NONE\"}", writer).status())
        .isEqualTo(403);
    assertThat(call("PUT", "/mode/orders-s1", "{\"mode\":\"READONLY\"}", writer).status())
        .isEqualTo(403);
    assertThat(call("DELETE", "/subjects/orders-s1", null, writer).status()).isEqualTo(403);
    assertThat(call("PUT", "/config", "{\"compatibility\":\"BACKWARD\"}", writer).status())
        .isEqualTo(403);
    assertThat(call("PUT", "/config/orders-s1", "{\"compatibility\":\"NONE\"}", admin).status())
        .isEqualTo(200);
    // lineage ingest needs write: the reader may not, the writer reaches the parser (400)
    assertThat(call("POST", "/api/v1/lineage", "{}", reader).status()).isEqualTo(403);
    assertThat(call("POST", "/api/v1/lineage", "{}", writer).status()).isEqualTo(400);
    // a listing shows only what the principal may read
    JsonNode listed = call("GET", "/subjects", null, writer).body();
    assertThat(listed.toString()).contains("orders-s1").doesNotContain("payments-s1");
    assertThat(call("GET", "/subjects", null, admin).body().toString()).contains("payments-s1");
  }

  @Test
  void shouldCheckCredentialsOnCachedHotReadsToo() throws Exception {
    // Reads an authorised client has just made sit in the response cache that unauthenticated
    // lookups would be answered from if anything skipped AccessControl (api.FastLookups).
    String admin = basic("admin", PASSWORD);
    String writer = basic("orders-writer", PASSWORD);
    int id =
        call("POST", "/subjects/payments-hot/versions", SCHEMA, admin).body().get("id").asInt();
    for (int i = 0; i < 3; i++) {
      assertThat(call("GET", "/schemas/ids/" + id, null, admin).status()).isEqualTo(200);
      assertThat(call("GET", "/subjects/payments-hot/versions/latest", null, admin).status())
          .isEqualTo(200);
    }
    for (String path : List.of("/schemas/ids/" + id, "/subjects/payments-hot/versions/latest")) {
      Answer anonymous = call("GET", path, null, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.body().path("error_code").asInt()).isEqualTo(40101);
      assertThat(call("GET", path, null, basic("admin", "wrong")).status()).isEqualTo(401);
    }
    Answer denied = call("GET", "/subjects/payments-hot/versions/latest", null, writer);
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body().path("error_code").asInt()).isEqualTo(40301);
  }

  @Test
  void shouldShowSchemasByIdAndInListingsOnlyThroughSubjectsTheCallerMayRead() throws Exception {
    String admin = basic("admin", PASSWORD);
    String writer = basic("orders-writer", PASSWORD);
    String hidden =
        "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Salary\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"ssn\\\",\\\"type\\\":\\\"string\\\"}]}\"}";
    int id = call("POST", "/subjects/payroll-x/versions", hidden, admin).body().get("id").asInt();
    // The admin's reads put the body in the cache the fast path answers from.
    for (int i = 0; i < 3; i++) {
      assertThat(call("GET", "/schemas/ids/" + id, null, admin).status()).isEqualTo(200);
    }
    for (String path :
        List.of(
            "/schemas/ids/" + id,
            "/schemas/ids/" + id + "?subject=payroll-x",
            "/schemas/ids/" + id + "/schema",
            "/schemas/ids/" + id + "/subjects",
            "/schemas/ids/" + id + "/versions")) {
      Answer denied = call("GET", path, null, writer);
      assertThat(denied.status()).as(path).isEqualTo(403);
      assertThat(denied.body().path("error_code").asInt()).isEqualTo(40301);
      assertThat(denied.body().toString()).doesNotContain("ssn");
    }
    assertThat(call("GET", "/schemas", null, writer).body().toString())
        .doesNotContain("payroll-x")
        .doesNotContain("ssn");
    assertThat(call("GET", "/schemas?subjectPrefix=payroll", null, writer).body().size()).isZero();
    assertThat(call("GET", "/schemas", null, admin).body().toString()).contains("payroll-x");
    // The same schema under a subject the writer may read: readable, and only that subject shown.
    assertThat(call("POST", "/subjects/orders-payroll/versions", hidden, admin).status())
        .isEqualTo(200);
    assertThat(call("GET", "/schemas/ids/" + id, null, writer).status()).isEqualTo(200);
    assertThat(call("GET", "/schemas/ids/" + id + "/subjects", null, writer).body().toString())
        .isEqualTo("[\"orders-payroll\"]");
    assertThat(call("GET", "/schemas/ids/" + id + "/subjects", null, admin).body().size())
        .isEqualTo(2);
  }

  @Test
  void shouldRefuseReferencesToSubjectsTheCallerMayNotRead() throws Exception {
    String admin = basic("admin", PASSWORD);
    String writer = basic("orders-writer", PASSWORD);
    String common =
        JSON.createObjectNode()
            .put(
                "schema",
                "{\"type\":\"record\",\"name\":\"Pay\",\"fields\":[{\"name\":\"iban\",\"type\":\"string\"}]}")
            .toString();
    assertThat(call("POST", "/subjects/payroll-common/versions", common, admin).status())
        .isEqualTo(200);
    assertThat(call("POST", "/subjects/orders-common/versions", common, admin).status())
        .isEqualTo(200);
    String referencing =
        "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"p\",\"type\":\"Pay\"}]}";
    for (String target : List.of("payroll-common", "orders-common")) {
      com.fasterxml.jackson.databind.node.ObjectNode body =
          JSON.createObjectNode().put("schema", referencing);
      body.putArray("references")
          .addObject()
          .put("name", "Pay")
          .put("subject", target)
          .put("version", 1);
      int expected = target.startsWith("orders-") ? 200 : 403;
      for (String path :
          List.of(
              "/subjects/orders-ref-" + target + "/versions",
              "/subjects/orders-ref-" + target,
              "/compatibility/subjects/orders-ref-" + target + "/versions/latest")) {
        Answer answer = call("POST", path, body.toString(), writer);
        assertThat(answer.status()).as(path + " referencing " + target).isEqualTo(expected);
        if (expected == 403) {
          assertThat(answer.body().path("error_code").asInt()).isEqualTo(40301);
          assertThat(answer.body().path("message").asText()).contains("payroll-common");
        }
      }
    }
  }

  @Test
  void shouldAcceptOAuthAccessTokensTypedAtJwtAndRefuseUnsignedOnes() throws Exception {
    // RFC 9068 access tokens (e.g. Duende IdentityServer's default) carry typ "at+jwt".
    for (String type : List.of("at+jwt", "JWT")) {
      String token =
          "Bearer " + idp.token("svc-operator", new com.nimbusds.jose.JOSEObjectType(type));
      assertThat(call("GET", "/subjects", null, token).status()).as(type).isEqualTo(200);
    }
    String unsigned =
        new com.nimbusds.jwt.PlainJWT(
                new com.nimbusds.jwt.JWTClaimsSet.Builder()
                    .subject("admin")
                    .issuer(AuthServer.ISSUER)
                    .audience(AuthServer.AUDIENCE)
                    .expirationTime(java.util.Date.from(Instant.now().plusSeconds(60)))
                    .build())
            .serialize();
    Answer refused = call("GET", "/subjects", null, "Bearer " + unsigned);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().path("error_code").asInt()).isEqualTo(40101);
  }

  @Test
  void shouldAnswer503NotA401WhileTheJwksCannotBeFetched() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (RunningRegistry noKeys =
        RegistryConfig.forTests()
            .database(SharedDatabase.config())
            .security(
                SecurityConfig.NONE
                    .withAuthFile(authFile)
                    .withJwks(
                        URI.create("http://127.0.0.1:" + closedPort + "/jwks.json"),
                        Optional.of(AuthServer.ISSUER),
                        Optional.of(AuthServer.AUDIENCE)))
            .start()) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(noKeys.url() + "/subjects"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", "Bearer " + idp.token("svc-operator"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
      assertThat(JSON.readTree(response.body()).path("error_code").asInt()).isEqualTo(50003);
      assertThat(response.body()).contains("SCHEMAGATE_AUTH_JWKS_URL");
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      HttpResponse<String> basicStillWorks =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(noKeys.url() + "/subjects"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", basic("admin", PASSWORD))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(basicStillWorks.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shouldAcceptAJwtWhoseSubjectIsAUserOfTheFile() throws Exception {
    String token = "Bearer " + idp.token("svc-operator");
    assertThat(call("POST", "/subjects/jwt-s1/versions", SCHEMA, token).status()).isEqualTo(200);
    assertThat(call("DELETE", "/subjects/jwt-s1", null, token).status()).isEqualTo(200);
  }

  @Test
  void shouldPickUpAChangedAuthFileWithoutARestart() throws Exception {
    String late = basic("late-user", PASSWORD);
    assertThat(call("GET", "/subjects", null, late).status()).isEqualTo(401);
    writeUsers(
        """
          - name: late-user
            passwordHash: "%s"
            grants: [{role: read}]
        """
            .formatted(HASH));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> call("GET", "/subjects", null, late).status() == 200);
    // a broken file keeps the users in force
    Files.writeString(authFile, "users: [ {name: x, grants: [{role: superuser}]} ]");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> call("GET", "/subjects", null, late).status() == 200);
    writeUsers("");
  }

  @Test
  void shouldNeverLogCredentials() throws Exception {
    call("GET", "/subjects", null, basic("admin", "a-wrong-" + PASSWORD));
    call("GET", "/subjects", null, basic("admin", PASSWORD));
    String token = idp.token("svc-operator");
    call("GET", "/subjects", null, "Bearer " + token);
    call("GET", "/subjects", null, "Bearer " + token + "x");
    for (ILoggingEvent event : List.copyOf(LOGS.list)) {
      assertThat(event.getFormattedMessage()).doesNotContain(PASSWORD).doesNotContain(token);
    }
  }
}
