package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaLimitException;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: Confluent's {@code {"error_code","message"}}
 * with its status, never a stack trace. Unexpected exceptions are logged and answered as 50001.
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private static final String RETRY_AFTER_SECONDS = "5";

  private final ObjectMapper json;

  public ErrorMapper(ObjectMapper json) {
    this.json = json;
  }

  public void install(RoutesConfig routes) {
    routes.exception(RegistryServerException.class, this::registryError);
    routes.exception(SchemaLimitException.class, this::limitReached);
    routes.exception(HttpResponseException.class, this::httpError);
    routes.exception(Exception.class, this::unexpected);
  }

  private void registryError(RegistryServerException e, Context ctx) {
    if (e.reason() == Reason.STORE_UNAVAILABLE) {
      // Expected while a dependency is down (logged once per outage where it is detected).
      LOG.debug("{} {} answered 503: {}", ctx.method(), ctx.path(), e.getMessage());
    } else if (e.reason().httpStatus() >= 500) {
      LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
    }
    if (e.reason().httpStatus() == 503) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    if (e.reason().httpStatus() == 401) {
      ctx.header("WWW-Authenticate", "Basic realm=\"schemagate\", Bearer realm=\"schemagate\"");
    }
    Wire.send(
        ctx, e.reason().httpStatus(), Wire.error(json, e.reason().errorCode(), e.getMessage()));
  }

  /** A schema past a protective bound (core's limits): 422 naming the limit. */
  private void limitReached(SchemaLimitException e, Context ctx) {
    Reason reason = Reason.SCHEMA_TOO_COMPLEX;
    Wire.send(
        ctx,
        reason.httpStatus(),
        Wire.error(
            json,
            reason.errorCode(),
            "Invalid schema: it exceeds the limit '" + e.limit() + "': " + e.getMessage()));
  }

  private void httpError(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String message =
        switch (status) {
          case 404 -> "HTTP 404 Not Found: no endpoint " + ctx.method() + " " + ctx.path();
          case 405 -> "HTTP 405 Method Not Allowed: " + ctx.method() + " " + ctx.path();
          case 413 -> "The request body is too large";
          case 415 -> "Unsupported Media Type: " + e.getMessage();
          default -> e.getMessage();
        };
    Wire.send(ctx, status, Wire.error(json, status, message));
  }

  private void unexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    Wire.send(ctx, 500, Wire.error(json, 50001, "Internal server error"));
  }
}
