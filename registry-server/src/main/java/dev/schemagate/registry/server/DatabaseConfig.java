package dev.schemagate.registry.server;

import java.util.Objects;

/** An external PostgreSQL to use instead of the embedded one. */
public record DatabaseConfig(String url, String user, String password) {
  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url=" + url + ", user=" + user + ", password=***]";
  }
}
