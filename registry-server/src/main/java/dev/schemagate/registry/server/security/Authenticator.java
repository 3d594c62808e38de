package dev.schemagate.registry.server.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a request's {@code Authorization} header into a {@link Principal}: HTTP Basic (what
 * Confluent's clients send with {@code basic.auth.user.info}) against the auth file's bcrypt
 * hashes, or a bearer JWT whose {@code sub} names a user of that file. The header's content is
 * never logged nor echoed.
 */
public final class Authenticator {
  private final ReloadingAuthFile users;
  private final PasswordCheck passwords = new PasswordCheck();
  private final Optional<JwtVerifier> jwt;

  public Authenticator(SecurityConfig config) throws AuthFile.InvalidAuthFileException {
    this.users = new ReloadingAuthFile(config.authFile().orElseThrow(), Clock.systemUTC());
    this.jwt =
        config.jwksUrl().map(url -> new JwtVerifier(url, config.jwtIssuer(), config.jwtAudience()));
  }

  /** The outcome of reading the credentials. */
  public sealed interface Outcome {
    record Authenticated(Principal principal) implements Outcome {}

    /** Why the credentials are refused, for the 401 body (naming no secret). */
    record Refused(String reason) implements Outcome {}

    /** The credentials cannot be checked now (the JWKS is unreachable): a 503, retried. */
    record Unavailable(String reason) implements Outcome {}
  }

  public Outcome authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new Outcome.Refused("Unauthorized: credentials are required");
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String value = space < 0 ? "" : authorization.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Basic")) {
      return basic(value);
    }
    if (scheme.equalsIgnoreCase("Bearer")) {
      return bearer(value);
    }
    return new Outcome.Refused("Unauthorized: use HTTP Basic or a Bearer token");
  }

  private Outcome basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Outcome.Refused("Unauthorized: the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return new Outcome.Refused("Unauthorized: the Basic credentials are not user:password");
    }
    String name = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    Optional<AuthFile.User> user = users.users().user(name);
    if (user.isEmpty() || user.get().passwordHash().isEmpty()) {
      passwords.burn(password);
      return new Outcome.Refused("Unauthorized: wrong user name or password");
    }
    if (!passwords.matches(name, password, user.get().passwordHash().get())) {
      return new Outcome.Refused("Unauthorized: wrong user name or password");
    }
    return new Outcome.Authenticated(user.get().principal());
  }

  private Outcome bearer(String token) {
    if (jwt.isEmpty()) {
      return new Outcome.Refused("Unauthorized: bearer tokens are not enabled on this registry");
    }
    return switch (jwt.get().verify(token)) {
      case JwtVerifier.VerifiedToken.Invalid invalid ->
          new Outcome.Refused("Unauthorized: " + invalid.reason());
      case JwtVerifier.VerifiedToken.KeysUnavailable unavailable ->
          new Outcome.Unavailable(
              "The bearer token cannot be checked now: the keys at SCHEMAGATE_AUTH_JWKS_URL"
                  + " cannot be fetched ("
                  + unavailable.reason()
                  + "); try again shortly");
      case JwtVerifier.VerifiedToken.Valid valid ->
          users
              .users()
              .user(valid.subject())
              .<Outcome>map(u -> new Outcome.Authenticated(u.principal()))
              // A valid token for nobody we know: authenticated, but allowed nothing.
              .orElseGet(
                  () ->
                      new Outcome.Authenticated(
                          new Principal(valid.subject(), java.util.List.of())));
    };
  }
}
