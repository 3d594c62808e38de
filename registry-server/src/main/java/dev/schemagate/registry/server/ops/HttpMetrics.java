package dev.schemagate.registry.server.ops;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A latency histogram per route (the path template, not the raw path), method and status. */
public final class HttpMetrics {
  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Javalin's request logger hook: called once per request with its duration. */
  public void record(Context ctx, Float millis) {
    String route;
    try {
      route = ctx.endpoint().path;
    } catch (RuntimeException unmatched) {
      route = "unmatched";
    }
    String method = ctx.method().name();
    int status = ctx.statusCode();
    String key = method + ' ' + route + ' ' + status;
    String finalRoute = route;
    Timer timer =
        timers.computeIfAbsent(
            key,
            k ->
                Timer.builder("schemagate.http.requests")
                    .description("HTTP request latency by route")
                    .tag("method", method)
                    .tag("route", finalRoute)
                    .tag("status", String.valueOf(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(50_000))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
    timer.record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }
}
