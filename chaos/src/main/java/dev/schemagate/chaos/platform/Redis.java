package dev.schemagate.chaos.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** A real redis-server (the binary embedded-redis ships) that can be stopped and started. */
public final class Redis implements AutoCloseable, Restartable {
  private final int port = Ports.free();
  private RedisServer running;

  public synchronized void start() {
    if (running != null) {
      return;
    }
    try {
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .setting("bind 127.0.0.1")
              .setting("save \"\"")
              .build();
      server.start();
      running = server;
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server did not start", e);
    }
  }

  public synchronized void stop() {
    if (running != null) {
      try {
        running.stop();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        running = null;
      }
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }
}
