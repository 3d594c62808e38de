package dev.schemagate.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.server.tls.ReloadingKeyManager;
import dev.schemagate.server.tls.ServerTls;
import dev.schemagate.server.tls.TlsException;
import dev.schemagate.webhooks.admission.FailurePolicy;
import dev.schemagate.webhooks.http.WebhookServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsReloadTest {
  @TempDir Path dir;
  private WebhookServer server;
  private TestCertificates.Issued first;

  @BeforeEach
  void serveTheFirstCertificate() throws Exception {
    first = TestCertificates.issue("first");
    TestCertificates.write(first, dir, false); // SEC1 "EC PRIVATE KEY", as cert-manager writes
    ReloadingKeyManager keys =
        new ReloadingKeyManager(dir.resolve("tls.crt"), dir.resolve("tls.key"));
    server =
        new WebhookServer(
            0,
            ServerTls.context(keys),
            List.of(),
            FailurePolicy.CLOSED,
            1024,
            java.time.Duration.ofSeconds(4),
            new dev.schemagate.webhooks.metrics.AdmissionMetrics(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldServeARotatedCertificateOnTheNextHandshakeWithoutARestart() throws Exception {
    assertThat(servedTo(TestCertificates.client(first.certificate())))
        .isEqualTo(first.certificate());

    TestCertificates.Issued second = TestCertificates.issue("second");
    TestCertificates.write(second, dir, true); // and PKCS#8 this time

    assertThat(servedTo(TestCertificates.client(second.certificate())))
        .isEqualTo(second.certificate());
    assertThatThrownBy(() -> servedTo(TestCertificates.client(first.certificate())))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void shouldKeepServingThePreviousCertificateWhenTheNewFilesDoNotFormAPair() throws Exception {
    TestCertificates.Issued other = TestCertificates.issue("other");
    TestCertificates.Issued mismatched =
        new TestCertificates.Issued(other.certificate(), first.keys());
    TestCertificates.write(mismatched, dir, true);

    assertThat(servedTo(TestCertificates.client(first.certificate())))
        .isEqualTo(first.certificate());

    // ...and takes the next good pair once it is written.
    TestCertificates.Issued repaired = TestCertificates.issue("repaired");
    TestCertificates.write(repaired, dir, true);
    assertThat(servedTo(TestCertificates.client(repaired.certificate())))
        .isEqualTo(repaired.certificate());
  }

  @Test
  void shouldRefuseToStartWithoutCertificateFilesNamingThem() {
    Path missing = dir.resolve("absent.crt");
    assertThatThrownBy(() -> new ReloadingKeyManager(missing, dir.resolve("absent.key")))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("absent.crt");
  }

  @Test
  void shouldRefuseAKeyFileWithoutAKeyNamingTheFile() throws Exception {
    Files.writeString(dir.resolve("tls.key"), "not a key\n");
    assertThatThrownBy(
            () -> new ReloadingKeyManager(dir.resolve("tls.crt"), dir.resolve("tls.key")))
        .isInstanceOf(TlsException.class)
        .hasMessageContaining("tls.key");
  }

  private X509Certificate servedTo(HttpClient client) throws Exception {
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/healthz"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    return (X509Certificate) health.sslSession().orElseThrow().getPeerCertificates()[0];
  }
}
