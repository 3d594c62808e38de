package dev.schemagate.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SSL context trusting the CA certificates of a PEM file ({@code SCHEMAGATE_REGISTRY_CA_FILE}).
 */
public final class RegistryTrust {
  private RegistryTrust() {}

  public static SSLContext fromCaFile(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int index = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + index++, certificate);
      }
      if (index == 0) {
        throw new IllegalArgumentException("no PEM certificate in the registry CA file " + caFile);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use the registry CA file " + caFile + ": " + e.getMessage(), e);
    }
  }

  /** {@code SCHEMAGATE_REGISTRY_CA_FILE}, when set. */
  public static Optional<SSLContext> fromEnvironment(Map<String, String> env) {
    String file = env.getOrDefault("SCHEMAGATE_REGISTRY_CA_FILE", "");
    return file.isBlank() ? Optional.empty() : Optional.of(fromCaFile(Path.of(file)));
  }
}
