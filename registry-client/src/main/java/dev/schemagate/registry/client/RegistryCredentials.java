package dev.schemagate.registry.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client proves who it is to a registry with authentication on: nothing, HTTP Basic, or a
 * bearer token read from a file (a projected ServiceAccount token or an OIDC token that a sidecar
 * refreshes), re-read whenever the file changes. {@code toString} never shows a secret.
 */
public sealed interface RegistryCredentials {

  /** The {@code Authorization} header value to send, if any. */
  Optional<String> authorization();

  static RegistryCredentials none() {
    return new None();
  }

  static RegistryCredentials basic(String user, String password) {
    return new Basic(user, password);
  }

  /** A fixed bearer token (Confluent's {@code bearer.auth.token}). */
  static RegistryCredentials bearerToken(String token) {
    return new StaticToken(token);
  }

  static RegistryCredentials bearerTokenFile(Path file) {
    return new BearerTokenFile(file);
  }

  /**
   * {@code SCHEMAGATE_REGISTRY_USER} + {@code SCHEMAGATE_REGISTRY_PASSWORD} (HTTP Basic), or {@code
   * SCHEMAGATE_REGISTRY_TOKEN_FILE} (a bearer token); neither: no credentials.
   */
  static RegistryCredentials fromEnvironment(Map<String, String> env) {
    String user = env.getOrDefault("SCHEMAGATE_REGISTRY_USER", "");
    String password = env.getOrDefault("SCHEMAGATE_REGISTRY_PASSWORD", "");
    String tokenFile = env.getOrDefault("SCHEMAGATE_REGISTRY_TOKEN_FILE", "");
    if (!user.isBlank() && !tokenFile.isBlank()) {
      throw new IllegalArgumentException(
          "set SCHEMAGATE_REGISTRY_USER/PASSWORD or SCHEMAGATE_REGISTRY_TOKEN_FILE, not both");
    }
    if (!user.isBlank()) {
      return basic(user, password);
    }
    if (!password.isBlank()) {
      throw new IllegalArgumentException(
          "SCHEMAGATE_REGISTRY_PASSWORD is set but SCHEMAGATE_REGISTRY_USER is not");
    }
    return tokenFile.isBlank() ? none() : bearerTokenFile(Path.of(tokenFile));
  }

  /** No credentials. */
  record None() implements RegistryCredentials {
    @Override
    public Optional<String> authorization() {
      return Optional.empty();
    }
  }

  /** HTTP Basic, as Confluent's {@code basic.auth.user.info}. */
  record Basic(String user, String password) implements RegistryCredentials {
    public Basic {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.contains(":")) {
        throw new IllegalArgumentException("a Basic-auth user name cannot contain ':'");
      }
    }

    @Override
    public Optional<String> authorization() {
      return Optional.of(
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Basic[user=" + user + ", password=***]";
    }
  }

  /** A fixed bearer token. */
  record StaticToken(String token) implements RegistryCredentials {
    public StaticToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public Optional<String> authorization() {
      return Optional.of("Bearer " + token.strip());
    }

    @Override
    public String toString() {
      return "StaticToken[***]";
    }
  }

  /** A bearer token kept in a file, read again when the file's time, size or identity change. */
  final class BearerTokenFile implements RegistryCredentials {
    private final Path file;
    private volatile Loaded loaded;

    private record Loaded(Object key, long modified, long size, String token) {}

    BearerTokenFile(Path file) {
      this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<String> authorization() {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Loaded current = loaded;
        if (current == null
            || !Objects.equals(current.key(), attributes.fileKey())
            || current.modified() != attributes.lastModifiedTime().toMillis()
            || current.size() != attributes.size()) {
          String token = Files.readString(file, StandardCharsets.UTF_8).strip();
          current =
              new Loaded(
                  attributes.fileKey(),
                  attributes.lastModifiedTime().toMillis(),
                  attributes.size(),
                  token);
          loaded = current;
        }
        return current.token().isEmpty()
            ? Optional.empty()
            : Optional.of("Bearer " + current.token());
      } catch (IOException e) {
        // Mid-rotation the file may be briefly absent: the last token read stays in use.
        Loaded last = loaded;
        if (last == null) {
          throw new IllegalStateException("cannot read the registry token file " + file, e);
        }
        return Optional.of("Bearer " + last.token());
      }
    }

    @Override
    public String toString() {
      return "BearerTokenFile[" + file + "]";
    }
  }
}
