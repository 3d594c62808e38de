package dev.schemagate.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A certificate chain and its private key, read from the PEM files a Kubernetes TLS Secret mounts.
 * Bouncy Castle reads every key encoding cert-manager writes: PKCS#8, PKCS#1 RSA and SEC1 EC.
 */
public record PemKeyMaterial(List<X509Certificate> chain, PrivateKey key) {

  public PemKeyMaterial {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no certificate");
    }
    chain = List.copyOf(chain);
  }

  public static PemKeyMaterial read(Path certFile, Path keyFile) throws TlsException {
    return new PemKeyMaterial(certificates(certFile), privateKey(keyFile));
  }

  private static List<X509Certificate> certificates(Path file) throws TlsException {
    try (var in = Files.newInputStream(file)) {
      List<X509Certificate> chain =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (chain.isEmpty()) {
        throw new TlsException("no PEM certificate in " + file);
      }
      return chain;
    } catch (IOException | CertificateException e) {
      throw new TlsException("cannot read the certificate " + file + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) throws TlsException {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser pem = new PEMParser(reader)) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        if (item instanceof PEMKeyPair pair) {
          // Only the private part: SEC1 EC keys may omit the public key.
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
      throw new TlsException(
          "no unencrypted private key in " + file + " (PKCS#8, RSA or EC PEM expected)");
    } catch (IOException e) {
      throw new TlsException("cannot read the private key " + file + ": " + e.getMessage(), e);
    }
  }
}
