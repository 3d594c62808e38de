package dev.schemagate.cli;

import dev.schemagate.registry.client.RegistryCredentials;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaRegistryClientBuilder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The registry credentials and CA every command that talks to a registry shares ({@code @Mixin
 * RegistryOptions access;}), each flag defaulting to the variable of the same meaning, so CI can
 * keep secrets in the environment rather than on the command line. The URLs stay each command's own
 * ({@code --registry}, {@code --lineage}, environments), as their meaning differs; every client a
 * command builds comes from {@link #clientBuilder(String)}, so all of them carry the credentials.
 */
final class RegistryOptions {
  @Option(
      names = "--registry-user",
      paramLabel = "USER",
      defaultValue = "${env:SCHEMAGATE_REGISTRY_USER}",
      description = "HTTP Basic user (env SCHEMAGATE_REGISTRY_USER).")
  String user;

  @Option(
      names = "--registry-password",
      paramLabel = "PASSWORD",
      defaultValue = "${env:SCHEMAGATE_REGISTRY_PASSWORD}",
      description =
          "HTTP Basic password (env SCHEMAGATE_REGISTRY_PASSWORD, preferred: a flag shows in ps).")
  String password;

  @Option(
      names = "--registry-token-file",
      paramLabel = "FILE",
      defaultValue = "${env:SCHEMAGATE_REGISTRY_TOKEN_FILE}",
      description =
          "File holding a bearer token, read again when it changes"
              + " (env SCHEMAGATE_REGISTRY_TOKEN_FILE).")
  Path tokenFile;

  @Option(
      names = "--registry-ca-file",
      paramLabel = "FILE",
      defaultValue = "${env:SCHEMAGATE_REGISTRY_CA_FILE}",
      description =
          "PEM CA certificates to trust for an https registry"
              + " (env SCHEMAGATE_REGISTRY_CA_FILE).")
  Path caFile;

  /** The credentials these options name; the message says what is inconsistent. */
  RegistryCredentials credentials() {
    boolean basic = user != null && !user.isBlank();
    if (basic && tokenFile != null) {
      throw new CliException(
          CliException.Reason.USAGE,
          "give --registry-user/--registry-password or --registry-token-file, not both");
    }
    if (!basic && password != null && !password.isBlank()) {
      throw new CliException(
          CliException.Reason.USAGE, "--registry-password needs --registry-user");
    }
    if (basic) {
      return RegistryCredentials.basic(user, password == null ? "" : password);
    }
    return tokenFile == null
        ? RegistryCredentials.none()
        : RegistryCredentials.bearerTokenFile(tokenFile);
  }

  /** A client builder for the registry at {@code url}, with the credentials and CA applied. */
  SchemaRegistryClientBuilder clientBuilder(String url) {
    SchemaRegistryClientBuilder builder;
    try {
      builder = SchemaRegistryClient.builder(url).credentials(credentials());
      if (caFile != null) {
        builder.caFile(caFile);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.Reason.USAGE, "registry " + url + ": " + e.getMessage());
    }
    return builder;
  }

  /**
   * A client for a gate or a one-shot command: it must answer in bounded time, so a registry that
   * does not answer within 10 s is an error (exit code 2), not a hang.
   */
  SchemaRegistryClient boundedClient(String url) {
    try {
      return clientBuilder(url)
          .requestTimeout(java.time.Duration.ofSeconds(10))
          .maxBlock(java.time.Duration.ofSeconds(10))
          .build();
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.Reason.USAGE, "registry " + url + ": " + e.getMessage());
    }
  }
}
