package dev.schemagate.registry.server.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A latency histogram per route (the path template, not the raw path), method and status. */
public final class HttpMetrics {
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private final MeterRegistry registry;
  private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

  /** Cheap to build per request: no string concatenation on the hot path. */
  private record Key(String method, String route, int status) {}

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Any method a client makes up shares one label, so made-up methods cannot grow the scrape. */
  private static String methodLabel(Context ctx) {
    String method = ctx.method().name();
    return KNOWN_METHODS.contains(method) ? method : "other";
  }

  /** Javalin's request logger hook: called once per request with its duration. */
  public void record(Context ctx, Float millis) {
    String route;
    try {
      route = ctx.endpoint().path;
    } catch (RuntimeException unmatched) {
      route = "unmatched";
    }
    timer(methodLabel(ctx), route, ctx.statusCode())
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  /**
   * The timer of one route template (as Javalin names it, e.g. {@code /schemas/ids/{id}}), method
   * and status: what a handler outside Javalin records into, so {@code /metrics} shows one series.
   */
  public Timer timer(String method, String route, int status) {
    return timers.computeIfAbsent(
        new Key(method, route, status),
        key ->
            Timer.builder("schemagate.http.requests")
                .description("HTTP request latency by route")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", String.valueOf(key.status()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
  }
}
