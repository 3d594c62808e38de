package dev.schemagate.registry.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.server.cache.ResponseCache;
import dev.schemagate.registry.server.cache.SharedCache;
import dev.schemagate.registry.server.ops.HttpMetrics;
import dev.schemagate.registry.server.security.AccessControl;
import dev.schemagate.registry.server.security.Authenticator;
import dev.schemagate.registry.server.security.PasswordCheck;
import dev.schemagate.registry.server.security.SecurityConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path on its own, in front of a handler that answers 418 "full route": which requests it
 * answers from the local cache and which it passes on untouched. The registry-level behaviour (same
 * bytes as the full route, invalidation, auth) is in {@code FastLookupsApiTest} and {@code
 * AuthenticationTest}.
 */
class FastLookupsTest {
  private static final byte[] BY_ID =
      "{\"schema\":\"\\\"string\\\"\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] LATEST =
      "{\"subject\":\"orders-value\",\"version\":3,\"id\":7,\"schema\":\"\\\"string\\\"\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Server server;
  private static String base;
  private static SimpleMeterRegistry metrics;

  @BeforeAll
  static void start() throws Exception {
    metrics = new SimpleMeterRegistry();
    server = serve(new FastLookups(cache(metrics), new AccessControl(Optional.empty()), http()));
    base = server.getURI().toString().replaceAll("/$", "");
  }

  private static HttpMetrics http() {
    return new HttpMetrics(metrics);
  }

  private static ResponseCache cache(SimpleMeterRegistry registry) {
    ResponseCache cache = new ResponseCache(new SharedCache.None(), registry);
    cache.schemaById(7, () -> BY_ID);
    cache.latest("orders-value", () -> LATEST);
    return cache;
  }

  /** {@code fast} in front of a handler that answers 418 "full route", on an ephemeral port. */
  private static Server serve(FastLookups fast) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    fast.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(418);
            response.write(
                true,
                java.nio.ByteBuffer.wrap("full route".getBytes(StandardCharsets.UTF_8)),
                callback);
            return true;
          }
        });
    jetty.setHandler(fast);
    jetty.start();
    return jetty;
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  private static HttpResponse<byte[]> send(String path, UnaryOperator<HttpRequest.Builder> how)
      throws Exception {
    return CLIENT.send(
        how.apply(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return send(path, b -> b.GET());
  }

  private static long timed(String route) {
    var timer =
        metrics
            .find("schemagate.http.requests")
            .tags("method", "GET", "route", route, "status", "200")
            .timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void shouldAnswerCachedBodiesWithConfluentsContentTypeAndCountThem() throws Exception {
    long byId = timed(FastLookups.BY_ID_ROUTE);
    long latest = timed(FastLookups.VERSION_ROUTE);

    HttpResponse<byte[]> id = get("/schemas/ids/7");
    assertThat(id.statusCode()).isEqualTo(200);
    assertThat(id.body()).isEqualTo(BY_ID);
    assertThat(id.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.schemaregistry.v1+json");
    assertThat(id.headers().firstValueAsLong("Content-Length")).hasValue(BY_ID.length);
    // the parameters Confluent's deserializer sends do not change the body
    assertThat(get("/schemas/ids/7?fetchMaxId=false&subject=orders-value").body()).isEqualTo(BY_ID);
    HttpResponse<byte[]> last = get("/subjects/orders-value/versions/latest");
    assertThat(last.statusCode()).isEqualTo(200);
    assertThat(last.body()).isEqualTo(LATEST);

    assertThat(timed(FastLookups.BY_ID_ROUTE)).isEqualTo(byId + 2);
    assertThat(timed(FastLookups.VERSION_ROUTE)).isEqualTo(latest + 1);
  }

  @Test
  void shouldPassOnWhatItIsNotSureOf() throws Exception {
    for (String path :
        new String[] {
          "/schemas/ids/8", // not cached here
          "/schemas/ids/7?format=resolved", // a parameter it does not know
          "/schemas/ids/7?subject=a%00b", // encoded: the request guard decides
          "/schemas/ids/7/schema",
          "/schemas/ids/07x",
          "/schemas/ids/1234567890",
          "/subjects/other/versions/latest",
          "/subjects/orders-value/versions/latest?deleted=true",
          "/subjects/orders%2Dvalue/versions/latest",
          "/subjects/orders-value/versions/3",
          "/subjects/a/b/versions/latest",
          "/schemas/ids/7/",
        }) {
      HttpResponse<byte[]> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(418);
    }
    for (String method : new String[] {"HEAD", "get"}) {
      assertThat(
              send("/schemas/ids/7", b -> b.method(method, HttpRequest.BodyPublishers.noBody()))
                  .statusCode())
          .as(method)
          .isEqualTo(418);
    }
    assertThat(
            sendAlone(
                    "/schemas/ids/7",
                    b -> b.method("GET", HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode())
        .isEqualTo(418);
    assertThat(
            sendAlone("/schemas/ids/7", b -> b.POST(HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode())
        .isEqualTo(418);
  }

  /**
   * On a connection of its own: the stand-in full route answers without reading a request body, and
   * Jetty then closes the connection, which a pooled client may already have picked for the next
   * request (a POST is not retried: CI once saw "header parser received no bytes").
   */
  private static HttpResponse<byte[]> sendAlone(String path, UnaryOperator<HttpRequest.Builder> how)
      throws Exception {
    try (HttpClient alone = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      return alone.send(
          how.apply(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  @Test
  void shouldReadOnlyUnencodedPathsAndKnownParameters() {
    assertThat(FastLookups.id("/schemas/ids/123")).isEqualTo(123);
    assertThat(FastLookups.id("/schemas/ids/")).isEqualTo(-1);
    assertThat(FastLookups.id("/schemas/ids/-1")).isEqualTo(-1);
    assertThat(FastLookups.id("/schemas/ids/999999999")).isEqualTo(999_999_999);
    assertThat(FastLookups.plainSubject(":.ctx:orders_v1-value")).isTrue();
    assertThat(FastLookups.plainSubject("a b")).isFalse();
    assertThat(FastLookups.plainSubject("")).isFalse();
    assertThat(FastLookups.plainSubject("a;x=1")).isFalse();
    assertThat(FastLookups.parametersIn(null, Set.of())).isTrue();
    assertThat(FastLookups.parametersIn("", Set.of())).isTrue();
    assertThat(FastLookups.parametersIn("subject=x&fetchMaxId", Set.of("subject", "fetchMaxId")))
        .isTrue();
    assertThat(FastLookups.parametersIn("subject=x&", Set.of("subject"))).isFalse();
    assertThat(FastLookups.parametersIn("deleted=true", Set.of("subject"))).isFalse();
  }

  @Test
  void shouldAnswerOnlyWhatAccessControlAllowsAndLeaveEveryRefusalToTheFullRoute(@TempDir Path dir)
      throws Exception {
    String password = "fast-Pa55";
    String hash = PasswordCheck.hash(password.toCharArray());
    Path users = dir.resolve("auth.yaml");
    Files.writeString(
        users,
        """
        users:
          - name: reader
            passwordHash: "%s"
            grants: [{role: read, subjectPrefix: "orders-"}]
          - name: other
            passwordHash: "%s"
            grants: [{role: read, subjectPrefix: "payments-"}]
        """
            .formatted(hash, hash));
    AccessControl access =
        new AccessControl(Optional.of(new Authenticator(SecurityConfig.NONE.withAuthFile(users))));
    Server secured = serve(new FastLookups(cache(metrics), access, http()));
    try {
      String url = secured.getURI().toString().replaceAll("/$", "");
      String latest = url + "/subjects/orders-value/versions/latest";
      HttpResponse<byte[]> allowed =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(latest))
                  .header("Authorization", basic("reader", password))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.body()).isEqualTo(LATEST);
      for (String authorization :
          new String[] {null, basic("reader", "wrong"), basic("other", password), "Bearer x"}) {
        var request = HttpRequest.newBuilder(URI.create(latest));
        if (authorization != null) {
          request.header("Authorization", authorization);
        }
        HttpResponse<String> refused =
            CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(418);
      }
    } finally {
      secured.stop();
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
