package dev.schemagate.registry.client;

import dev.schemagate.core.config.ConfigException;
import dev.schemagate.core.config.Settings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server's registry clients authenticate and whom they trust, read once at start-up into the
 * server's configuration object ({@code OperatorConfig}, {@code WebhookConfig}) and applied to
 * every registry client it builds with {@link SchemaRegistryClientBuilder#access}.
 *
 * @param credentials {@code SCHEMAGATE_REGISTRY_USER} + {@code SCHEMAGATE_REGISTRY_PASSWORD} (HTTP
 *     Basic), or {@code SCHEMAGATE_REGISTRY_TOKEN_FILE} (a bearer token, re-read when the file
 *     changes); neither: none
 * @param caFile {@code SCHEMAGATE_REGISTRY_CA_FILE}: PEM CA certificates for https registries
 */
public record RegistryAccess(RegistryCredentials credentials, Optional<Path> caFile) {
  public static final String USER = "SCHEMAGATE_REGISTRY_USER";
  public static final String PASSWORD = "SCHEMAGATE_REGISTRY_PASSWORD";
  public static final String TOKEN_FILE = "SCHEMAGATE_REGISTRY_TOKEN_FILE";
  public static final String CA_FILE = "SCHEMAGATE_REGISTRY_CA_FILE";

  public RegistryAccess {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(caFile, "caFile");
  }

  /** No credentials, the JDK's default trust. */
  public static RegistryAccess none() {
    return new RegistryAccess(RegistryCredentials.none(), Optional.empty());
  }

  /**
   * Reads the four variables. The CA file is loaded here once, so an unreadable one stops start-up.
   *
   * @throws ConfigException naming the variable whose value cannot be used
   */
  public static RegistryAccess from(Settings settings) {
    Optional<String> user = settings.optional(USER);
    Optional<String> password = settings.optional(PASSWORD);
    Optional<String> tokenFile = settings.optional(TOKEN_FILE);
    RegistryCredentials credentials;
    if (user.isPresent() && tokenFile.isPresent()) {
      throw new ConfigException(
          TOKEN_FILE, "set " + USER + "/" + PASSWORD + " or " + TOKEN_FILE + ", not both");
    } else if (user.isPresent()) {
      try {
        credentials = RegistryCredentials.basic(user.get(), password.orElse(""));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(USER, USER + ": " + e.getMessage());
      }
    } else if (password.isPresent()) {
      throw new ConfigException(PASSWORD, PASSWORD + " is set but " + USER + " is not");
    } else {
      credentials =
          tokenFile
              .<RegistryCredentials>map(f -> RegistryCredentials.bearerTokenFile(Path.of(f)))
              .orElse(RegistryCredentials.none());
    }
    Optional<Path> ca = settings.optional(CA_FILE).map(Path::of);
    ca.ifPresent(
        file -> {
          try {
            RegistryTrust.fromCaFile(file);
          } catch (IllegalArgumentException e) {
            throw new ConfigException(CA_FILE, CA_FILE + ": " + e.getMessage());
          }
        });
    return new RegistryAccess(credentials, ca);
  }
}
