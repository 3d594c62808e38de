package dev.schemagate.registry.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** An identity provider for the tests: a JWKS on an ephemeral loopback port, and its tokens. */
public final class AuthServer implements AutoCloseable {
  public static final String ISSUER = "https://idp.test";
  public static final String AUDIENCE = "schemagate";

  private final RSAKey key;
  private final HttpServer server;

  public AuthServer() throws IOException, JOSEException {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
  }

  public URI jwksUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  public String token(String subject) {
    return token(subject, ISSUER, Instant.now().plusSeconds(300), key);
  }

  public String token(String subject, String issuer, Instant expiry, RSAKey signer) {
    return token(subject, issuer, expiry, signer, null);
  }

  /** A token whose header carries this {@code typ} (RFC 9068 access tokens say {@code at+jwt}). */
  public String token(String subject, com.nimbusds.jose.JOSEObjectType type) {
    return token(subject, ISSUER, Instant.now().plusSeconds(300), key, type);
  }

  private String token(
      String subject,
      String issuer,
      Instant expiry,
      RSAKey signer,
      com.nimbusds.jose.JOSEObjectType type) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(issuer)
            .audience(AUDIENCE)
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).type(type).build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(signer));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  public RSAKey key() {
    return key;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
