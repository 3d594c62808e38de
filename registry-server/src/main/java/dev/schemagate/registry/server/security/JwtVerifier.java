package dev.schemagate.registry.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks bearer JWTs (what Confluent's OAuth clients send) against the keys of a JWKS URL: the
 * signature, expiry, and the issuer and audience when configured. nimbus caches the key set (5
 * minutes) and refreshes it at most every 30 s when an unknown key id shows up, so a flood of
 * forged tokens cannot turn into a flood of JWKS fetches.
 */
final class JwtVerifier {
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA);

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  JwtVerifier(URI jwksUrl, Optional<String> issuer, Optional<String> audience) {
    URL url;
    try {
      url = jwksUrl.toURL();
    } catch (java.net.MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the JWKS URL is not a URL: " + jwksUrl, e);
    }
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(url).cache(true).rateLimited(true).retrying(true).build();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    // nimbus accepts only typ "JWT" or none by default; OAuth access tokens (RFC 9068) say
    // "at+jwt", and Confluent's OAuth clients send whatever the identity provider issued.
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    issuer.ifPresent(exact::issuer);
    Set<String> required = new HashSet<>(Set.of("sub", "exp"));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(audience.orElse(null), exact.build(), required));
  }

  /** The token's subject ({@code sub}), or why the token is refused (without echoing it). */
  VerifiedToken verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return new VerifiedToken.Valid(claims.getSubject());
    } catch (ParseException e) {
      return new VerifiedToken.Invalid("the bearer token is not a JWT");
    } catch (BadJOSEException e) {
      return new VerifiedToken.Invalid("the bearer token was refused: " + e.getMessage());
    } catch (KeySourceException e) {
      // The identity provider's keys cannot be fetched: our outage, not the caller's mistake, so
      // not a 401 (which clients do not retry).
      return new VerifiedToken.KeysUnavailable(e.getMessage());
    } catch (JOSEException e) {
      return new VerifiedToken.Invalid("the bearer token could not be checked: " + e.getMessage());
    }
  }

  sealed interface VerifiedToken {
    record Valid(String subject) implements VerifiedToken {}

    record Invalid(String reason) implements VerifiedToken {}

    record KeysUnavailable(String reason) implements VerifiedToken {}
  }
}
