package dev.schemagate.registry.server.security;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Authentication and TLS. Auth is off unless an auth file is given ({@code SCHEMAGATE_AUTH_FILE});
 * a JWKS URL ({@code SCHEMAGATE_AUTH_JWKS_URL}) adds bearer JWTs, whose {@code sub} names a user of
 * that file. TLS is on when both PEM files are given ({@code SCHEMAGATE_TLS_CERT}, {@code
 * SCHEMAGATE_TLS_KEY}).
 */
public record SecurityConfig(
    Optional<Path> authFile,
    Optional<URI> jwksUrl,
    Optional<String> jwtIssuer,
    Optional<String> jwtAudience,
    Optional<Path> tlsCert,
    Optional<Path> tlsKey) {

  public static final SecurityConfig NONE =
      new SecurityConfig(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public SecurityConfig {
    Objects.requireNonNull(authFile, "authFile");
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    Objects.requireNonNull(jwtIssuer, "jwtIssuer");
    Objects.requireNonNull(jwtAudience, "jwtAudience");
    Objects.requireNonNull(tlsCert, "tlsCert");
    Objects.requireNonNull(tlsKey, "tlsKey");
    if (jwksUrl.isPresent() && authFile.isEmpty()) {
      throw new IllegalArgumentException(
          "SCHEMAGATE_AUTH_JWKS_URL needs SCHEMAGATE_AUTH_FILE too: it lists each token"
              + " subject's grants");
    }
    if (tlsCert.isPresent() != tlsKey.isPresent()) {
      throw new IllegalArgumentException(
          "TLS needs both SCHEMAGATE_TLS_CERT and SCHEMAGATE_TLS_KEY");
    }
  }

  public boolean authEnabled() {
    return authFile.isPresent();
  }

  public boolean tlsEnabled() {
    return tlsCert.isPresent();
  }

  public SecurityConfig withAuthFile(Path file) {
    return new SecurityConfig(Optional.of(file), jwksUrl, jwtIssuer, jwtAudience, tlsCert, tlsKey);
  }

  public SecurityConfig withJwks(URI url, Optional<String> issuer, Optional<String> audience) {
    return new SecurityConfig(authFile, Optional.of(url), issuer, audience, tlsCert, tlsKey);
  }

  public SecurityConfig withTls(Path cert, Path key) {
    return new SecurityConfig(
        authFile, jwksUrl, jwtIssuer, jwtAudience, Optional.of(cert), Optional.of(key));
  }
}
