package dev.schemagate.server.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the certificate in two PEM files and picks up new ones when the files change (cert-manager
 * rotating a mounted Secret), with no restart. Each handshake compares the files' modification
 * time, size and file key (a Secret update swaps a symlink, so the file key changes too) with those
 * of the loaded pair: two {@code stat} calls, no reading, unless something changed. A pair that
 * fails to load (e.g. caught half-written) leaves the previous one in service.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadingKeyManager.class);
  private static final AtomicLong GENERATIONS = new AtomicLong();

  private final Path certFile;
  private final Path keyFile;
  private volatile Loaded current;
  // The pair served just before the last reload, for a handshake that chose it mid-reload.
  private volatile Loaded previous;
  // Files that failed to load, so that a broken pair is reported once, not at every handshake.
  private volatile Stamp rejected;

  private record Stamp(
      Object certKey, long certTime, long certSize, Object keyKey, long keyTime, long keySize) {}

  private record Loaded(Stamp stamp, PemKeyMaterial material, String alias) {}

  public ReloadingKeyManager(Path certFile, Path keyFile) throws TlsException {
    this.certFile = Objects.requireNonNull(certFile, "certFile");
    this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
    this.current = load(stamp().orElseThrow(this::missing));
  }

  /** The certificate currently served (reloading first if the files changed). */
  public X509Certificate certificate() {
    return fresh().material().chain().getFirst();
  }

  private Loaded fresh() {
    Loaded loaded = current;
    Optional<Stamp> now = stamp();
    if (now.isEmpty() || now.get().equals(loaded.stamp()) || now.get().equals(rejected)) {
      return loaded;
    }
    synchronized (this) {
      if (!now.get().equals(current.stamp()) && !now.get().equals(rejected)) {
        try {
          Loaded next = load(now.get());
          previous = current;
          current = next;
          LOG.info(
              "reloaded TLS certificate {} (serial {}, expires {})",
              certFile,
              current.material().chain().getFirst().getSerialNumber().toString(16),
              current.material().chain().getFirst().getNotAfter().toInstant());
        } catch (TlsException failed) {
          rejected = now.get();
          LOG.warn("keeping the previous TLS certificate: {}", failed.getMessage());
        }
      }
      return current;
    }
  }

  private Loaded load(Stamp stamp) throws TlsException {
    PemKeyMaterial material = PemKeyMaterial.read(certFile, keyFile);
    check(material);
    return new Loaded(stamp, material, "server-" + GENERATIONS.incrementAndGet());
  }

  /** A certificate that does not belong to its key would fail every handshake: refuse it. */
  private static void check(PemKeyMaterial material) throws TlsException {
    PrivateKey key = material.key();
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // Ed25519, Ed448 name their own signature
        };
    try {
      byte[] probe = "schemagate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(material.chain().getFirst().getPublicKey());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new TlsException("the certificate does not belong to the private key");
      }
    } catch (GeneralSecurityException e) {
      throw new TlsException("the certificate does not belong to the private key: " + e, e);
    }
  }

  private Optional<Stamp> stamp() {
    try {
      BasicFileAttributes cert = Files.readAttributes(certFile, BasicFileAttributes.class);
      BasicFileAttributes key = Files.readAttributes(keyFile, BasicFileAttributes.class);
      return Optional.of(
          new Stamp(
              cert.fileKey(),
              cert.lastModifiedTime().toMillis(),
              cert.size(),
              key.fileKey(),
              key.lastModifiedTime().toMillis(),
              key.size()));
    } catch (IOException vanished) {
      // Mid-rotation the files may be briefly absent: keep serving what we have.
      return Optional.empty();
    }
  }

  private TlsException missing() {
    return new TlsException("TLS files not found: " + certFile + " and " + keyFile);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseServerAlias(keyType, issuers, null);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    Loaded loaded = fresh();
    return loaded.material().key().getAlgorithm().equals(keyType) ? loaded.alias() : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return byAlias(alias)
        .map(l -> l.material().chain().toArray(X509Certificate[]::new))
        .orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return byAlias(alias).map(l -> l.material().key()).orElse(null);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    Loaded loaded = current;
    return loaded.material().key().getAlgorithm().equals(keyType)
        ? new String[] {loaded.alias()}
        : null;
  }

  private Optional<Loaded> byAlias(String alias) {
    Loaded now = current;
    Loaded before = previous;
    if (now.alias().equals(alias)) {
      return Optional.of(now);
    }
    return before != null && before.alias().equals(alias) ? Optional.of(before) : Optional.empty();
  }

  // A server never authenticates itself as a client.
  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return null;
  }
}
