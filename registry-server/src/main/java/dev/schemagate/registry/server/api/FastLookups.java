package dev.schemagate.registry.server.api;

import dev.schemagate.registry.server.cache.ResponseCache;
import dev.schemagate.registry.server.ops.HttpMetrics;
import dev.schemagate.registry.server.security.AccessControl;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the deserializers' hot reads, {@code GET /schemas/ids/{id}} and {@code GET
 * /subjects/{subject}/versions/latest}, from the bytes this replica already caches, in front of
 * Jetty's servlet layer and Javalin (a quarter of a cached lookup's CPU went there). Anything it is
 * not sure of goes on to Javalin unchanged: another method (HEAD included), a body, a
 * percent-encoded path or query, a query parameter not listed below, a body not in the local cache.
 *
 * <p>With authentication on, it answers only a request {@link AccessControl#allows} (the same rule,
 * credentials and grants as the full route, verified passwords cached there); anything refused goes
 * on to Javalin, which answers the 401 or 403. What the full route does that still holds here: the
 * same bytes, status and content type; the same {@code schemagate_http_requests} series (route
 * template, method, status) and cache hit counter. The request guard has nothing to refuse in what
 * is taken here (no NUL can hide in an unencoded path, GETs carry no body).
 */
public final class FastLookups extends Handler.Wrapper {
  static final String BY_ID_ROUTE = "/schemas/ids/{id}";
  static final String VERSION_ROUTE = "/subjects/{subject}/versions/{version}";
  // Query parameters Confluent's clients send to /schemas/ids/{id} that do not change its body
  // (the full route ignores them too); any other parameter goes to the full route.
  private static final Set<String> BY_ID_PARAMETERS = Set.of("subject", "fetchMaxId");
  private static final String IDS = "/schemas/ids/";
  private static final String SUBJECTS = "/subjects/";
  private static final String LATEST = "/versions/latest";
  private static final HttpField CONTENT_TYPE =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Wire.CONTENT_TYPE);

  private final ResponseCache cache;
  private final AccessControl access;
  private final Timer byIdTimer;
  private final Timer latestTimer;

  public FastLookups(ResponseCache cache, AccessControl access, HttpMetrics metrics) {
    this.cache = cache;
    this.access = access;
    this.byIdTimer = metrics.timer("GET", BY_ID_ROUTE, 200);
    this.latestTimer = metrics.timer("GET", VERSION_ROUTE, 200);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    // Exactly "GET": a lower-case "get" is not a method Javalin routes, so it is not taken here.
    if (!HttpMethod.GET.asString().equals(request.getMethod()) || hasBody(request.getHeaders())) {
      return super.handle(request, response, callback);
    }
    String path = request.getHttpURI().getPath();
    String query = request.getHttpURI().getQuery();
    Timer timer;
    Optional<byte[]> body;
    if (path.startsWith(IDS)) {
      int id = id(path);
      if (id < 0 || !parametersIn(query, BY_ID_PARAMETERS)) {
        return super.handle(request, response, callback);
      }
      timer = byIdTimer;
      body = cache.localSchemaById(id);
    } else if (path.startsWith(SUBJECTS) && path.endsWith(LATEST)) {
      String subject = path.substring(SUBJECTS.length(), path.length() - LATEST.length());
      if (!plainSubject(subject) || !parametersIn(query, Set.of())) {
        return super.handle(request, response, callback);
      }
      timer = latestTimer;
      body = cache.localLatest(subject);
    } else {
      return super.handle(request, response, callback);
    }
    if (body.isEmpty()
        || !access.allows(
            HttpMethod.GET.asString(), path, request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      return super.handle(request, response, callback);
    }
    byte[] bytes = body.get();
    response.setStatus(200);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(CONTENT_TYPE);
    headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
    // Counted before the write, so a client that saw its answer also sees it counted.
    timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }

  private static boolean hasBody(HttpFields headers) {
    return headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0
        || headers.contains(HttpHeader.TRANSFER_ENCODING);
  }

  /** The id of {@code /schemas/ids/<1 to 9 digits>}, or -1 for any other path. */
  static int id(String path) {
    int digits = path.length() - IDS.length();
    if (digits < 1 || digits > 9) {
      return -1;
    }
    int id = 0;
    for (int i = IDS.length(); i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      id = id * 10 + (c - '0');
    }
    return id;
  }

  /**
   * A subject name as it appears unencoded in a path: letters, digits and {@code . _ - :}. Anything
   * else (an encoded character, a slash, a path parameter) is left to the full route's decoding.
   */
  static boolean plainSubject(String subject) {
    if (subject.isEmpty()) {
      return false;
    }
    for (int i = 0; i < subject.length(); i++) {
      char c = subject.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-'
              || c == ':';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /** Whether every parameter of the raw query is one of {@code allowed}, none percent-encoded. */
  static boolean parametersIn(String query, Set<String> allowed) {
    if (query == null || query.isEmpty()) {
      return true;
    }
    if (query.indexOf('%') >= 0) {
      return false;
    }
    int from = 0;
    while (from <= query.length()) {
      int end = query.indexOf('&', from);
      if (end < 0) {
        end = query.length();
      }
      int equals = query.indexOf('=', from);
      String key = query.substring(from, equals >= 0 && equals < end ? equals : end);
      if (!allowed.contains(key)) {
        return false;
      }
      from = end + 1;
    }
    return true;
  }
}
