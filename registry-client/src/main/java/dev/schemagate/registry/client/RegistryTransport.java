package dev.schemagate.registry.client;

import dev.schemagate.registry.client.RegistryException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange with the registry, within a hard time budget: retries with exponential backoff
 * and jitter on transport failures, 5xx and 429 only; fails over between base URLs; after a call
 * ends unavailable, further calls fail at once for {@code failFastFor} (so a producer with a new
 * schema is refused in microseconds, not after another full budget).
 */
final class RegistryTransport {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger log = LoggerFactory.getLogger(RegistryTransport.class);

  /** An answer that is not a server fault (2xx, 3xx, 4xx); the caller maps it. */
  record Response(int status, byte[] body, Optional<String> etag) {}

  private final List<URI> baseUris;
  private final HttpClient http;
  private final ClientSettings settings;
  private final AtomicInteger preferred = new AtomicInteger();
  private volatile long unavailableUntilNanos;
  private volatile String lastFailure = "";

  RegistryTransport(List<URI> baseUris, HttpClient http, ClientSettings settings) {
    this.baseUris = List.copyOf(baseUris);
    this.http = http;
    this.settings = settings;
  }

  Response send(String method, String pathAndQuery, byte[] body, Map<String, String> headers)
      throws RegistryException {
    long start = System.nanoTime();
    long deadline = start + settings.maxBlock().toNanos();
    if (start - unavailableUntilNanos < 0) {
      throw new RegistryException(
          Reason.UNAVAILABLE,
          0,
          "schema registry unavailable (failing fast for %d ms after: %s)"
              .formatted(settings.failFastFor().toMillis(), lastFailure));
    }
    String failure = "no attempt made";
    for (int attempt = 0; ; attempt++) {
      int index = Math.floorMod(preferred.get(), baseUris.size());
      URI uri = baseUris.get(index).resolve(pathAndQuery);
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      try {
        HttpResponse<byte[]> response = exchange(method, uri, body, headers, remaining);
        int status = response.statusCode();
        if (status < 500 && status != 429) {
          return new Response(status, response.body(), response.headers().firstValue("ETag"));
        }
        failure = "%s %s answered %d %s".formatted(method, uri, status, snippet(response.body()));
      } catch (TimeoutException e) {
        // An attempt cut short by the overall deadline says little; keep the previous cause.
        boolean cutShort = remaining < settings.requestTimeout().toNanos();
        if (attempt == 0 || !cutShort) {
          failure = "%s %s failed: %s".formatted(method, uri, describe(e));
        }
      } catch (IOException e) {
        failure = "%s %s failed: %s".formatted(method, uri, describe(e));
      }
      preferred.compareAndSet(index, index + 1);
      long pause = backoff(attempt);
      if (System.nanoTime() + pause - deadline >= 0) {
        break;
      }
      log.debug(
          "registry attempt {} failed, retrying in {} ms: {}",
          attempt + 1,
          pause / 1_000_000,
          failure);
      sleep(pause);
    }
    lastFailure = failure;
    unavailableUntilNanos = System.nanoTime() + settings.failFastFor().toNanos();
    throw new RegistryException(
        Reason.UNAVAILABLE,
        0,
        "schema registry unavailable within %d ms: %s"
            .formatted(settings.maxBlock().toMillis(), failure));
  }

  private HttpResponse<byte[]> exchange(
      String method, URI uri, byte[] body, Map<String, String> headers, long remainingNanos)
      throws IOException, TimeoutException, RegistryException {
    Duration perAttempt = settings.requestTimeout();
    if (perAttempt.toNanos() > remainingNanos) {
      perAttempt = Duration.ofNanos(remainingNanos);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(perAttempt)
            .header("Accept", CONTENT_TYPE + ", application/json")
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body.length > 0) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    settings.headers().forEach(request::header);
    settings
        .credentials()
        .authorization()
        .ifPresent(value -> request.header("Authorization", value));
    headers.forEach(request::header);
    // The future bounds connect + headers + body together; HttpRequest.timeout alone does not.
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      return future.get(perAttempt.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TimeoutException("no answer within " + perAttempt.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RegistryException(Reason.UNAVAILABLE, 0, "interrupted while calling " + uri, e);
    }
  }

  /** "Equal jitter": uniform in [c/2, c] with c = min(max, initial * 2^attempt). */
  private long backoff(int attempt) {
    long initial = settings.initialBackoff().toNanos();
    long cap = settings.maxBackoff().toNanos();
    long ceiling = attempt >= 30 ? cap : Math.min(cap, initial << attempt);
    return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
  }

  private static void sleep(long nanos) throws RegistryException {
    LockSupport.parkNanos(nanos);
    if (Thread.interrupted()) {
      Thread.currentThread().interrupt();
      throw new RegistryException(Reason.UNAVAILABLE, 0, "interrupted while waiting to retry");
    }
  }

  /** "ConnectException (caused by ClosedChannelException)": the outer type says what happened. */
  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(name(e));
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      text.append(" (caused by ").append(name(cause)).append(')');
    }
    return text.toString();
  }

  private static String name(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  static String snippet(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
