package dev.schemagate.registry.server;

import io.javalin.Javalin;
import java.net.URI;
import java.util.List;

/** A started registry server: where it listens, and how to stop it (closing is idempotent). */
public final class RunningRegistry implements AutoCloseable {
  private final Javalin app;
  private final String host;
  private final ServerContext context;
  private final List<AutoCloseable> resources;
  private boolean closed;

  RunningRegistry(Javalin app, String host, ServerContext context, List<AutoCloseable> resources) {
    this.app = app;
    this.host = host;
    this.context = context;
    this.resources = resources;
  }

  public int port() {
    return app.port();
  }

  /** e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
  public String url() {
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    String scheme = context.config().security().tlsEnabled() ? "https" : "http";
    return scheme + "://" + shown + ":" + port();
  }

  public URI uri() {
    return URI.create(url());
  }

  /** The services behind the server, for tests and embedding. */
  public ServerContext context() {
    return context;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    app.stop();
    for (AutoCloseable resource : resources.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(RunningRegistry.class)
            .warn("closing {} failed: {}", resource, e.getMessage());
      }
    }
  }
}
