package dev.schemagate.registry.server.api;

import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, before any route runs, requests no client of Confluent's API sends: a NUL character in
 * the path or query (PostgreSQL text cannot hold one), and writes whose body is not one of the JSON
 * content types Confluent's API takes. The latter also closes the browser hole: {@code text/plain}
 * and form bodies are what a web page may POST cross-origin without a CORS preflight, and the
 * registry answers no preflight (it sends no CORS headers at all).
 */
public final class RequestGuard {
  /** What Confluent's resources consume; {@code application/octet-stream} is its generic type. */
  static final Set<String> WRITE_TYPES =
      Set.of(
          "application/vnd.schemaregistry.v1+json",
          "application/vnd.schemaregistry+json",
          "application/json",
          "application/octet-stream");

  private RequestGuard() {}

  public static void install(RoutesConfig routes) {
    routes.before(RequestGuard::check);
  }

  static void check(Context ctx) {
    if (ctx.path().indexOf('\0') >= 0
        || (mayHoldNul(ctx.queryString()) && hasNul(ctx.queryParamMap()))) {
      throw RegistryServerException.malformed(
          "The request path or query holds a NUL character, which no subject or parameter may"
              + " contain");
    }
    HandlerType method = ctx.method();
    if (method.equals(HandlerType.POST)
        || method.equals(HandlerType.PUT)
        || method.equals(HandlerType.PATCH)) {
      String type = mediaType(ctx.header("Content-Type"));
      if (!WRITE_TYPES.contains(type)) {
        throw new RegistryServerException(
            Reason.UNSUPPORTED_MEDIA_TYPE,
            "Unsupported Media Type: "
                + (type.isEmpty() ? "no Content-Type" : "Content-Type " + type)
                + "; send application/vnd.schemaregistry.v1+json or application/json");
      }
    }
  }

  /**
   * Whether the raw query can decode to a NUL ({@code %00} or a raw one): the decoded map is built
   * only then, not on every lookup.
   */
  private static boolean mayHoldNul(String rawQuery) {
    return rawQuery != null && (rawQuery.indexOf('\0') >= 0 || rawQuery.indexOf("%00") >= 0);
  }

  private static boolean hasNul(Map<String, List<String>> query) {
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      if (entry.getKey().indexOf('\0') >= 0) {
        return true;
      }
      for (String value : entry.getValue()) {
        if (value != null && value.indexOf('\0') >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
