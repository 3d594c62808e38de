package dev.schemagate.registry.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.SharedDatabase;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files, a rotated certificate served without a restart, our client over it. */
class TlsTest {
  @TempDir Path dir;

  private static X509Certificate issue(KeyPair keys, long serial) throws Exception {
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=registry"),
            BigInteger.valueOf(serial),
            Date.from(now.minus(Duration.ofMinutes(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            new X500Name("CN=registry"),
            keys.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  private void write(X509Certificate certificate, KeyPair keys) throws Exception {
    StringWriter cert = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(cert)) {
      pem.writeObject(certificate);
    }
    StringWriter key = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(key)) {
      pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
    }
    replace(dir.resolve("tls.key"), key.toString());
    replace(dir.resolve("tls.crt"), cert.toString());
  }

  private static void replace(Path file, String content) throws Exception {
    Path next = Files.createTempFile(file.getParent(), "next", ".tmp");
    Files.writeString(next, content);
    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509Certificate served(String url, X509Certificate trusted) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("registry", trusted);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    try (HttpClient client = HttpClient.newBuilder().sslContext(context).build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    }
  }

  @Test
  void shouldServeHttpsFromPemFilesAndPickUpARotatedCertificate() throws Exception {
    KeyPair firstKeys = keys();
    X509Certificate first = issue(firstKeys, 1);
    write(first, firstKeys);
    try (RunningRegistry registry =
        RegistryConfig.forTests()
            .database(SharedDatabase.config())
            .security(SecurityConfig.NONE.withTls(dir.resolve("tls.crt"), dir.resolve("tls.key")))
            .start()) {
      assertThat(registry.url()).startsWith("https://127.0.0.1:");
      Path ca = dir.resolve("ca.pem");
      Files.copy(dir.resolve("tls.crt"), ca);
      try (SchemaRegistryClient client =
          SchemaRegistryClient.builder(registry.url())
              .fromEnvironment(Map.of("SCHEMAGATE_REGISTRY_CA_FILE", ca.toString()))
              .build()) {
        int id =
            client.register(
                "tls-subject",
                SchemaSubmission.of(
                    SchemaFormat.AVRO, "{\"type\":\"record\",\"name\":\"T\",\"fields\":[]}"),
                false);
        var read = client.schemaById(id);
        assertThat(read).isPresent();
        // the repeat is answered from the cache ahead of Javalin (api.FastLookups), over TLS too
        assertThat(client.schemaById(id)).isEqualTo(read);
      }
      assertThat(served(registry.url(), first).getSerialNumber()).isEqualTo(BigInteger.ONE);

      KeyPair secondKeys = keys();
      X509Certificate second = issue(secondKeys, 2);
      write(second, secondKeys);
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> served(registry.url(), second).getSerialNumber().equals(BigInteger.TWO));
    }
  }
}
