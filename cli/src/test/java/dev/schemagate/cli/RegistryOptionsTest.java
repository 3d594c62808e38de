package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.schemagate.registry.client.RegistryCredentials;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class RegistryOptionsTest {
  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin RegistryOptions registry;

    @Override
    public void run() {}
  }

  private static RegistryOptions parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.registry;
  }

  @Test
  void shouldSendBasicCredentialsGivenAsFlags() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seen.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      RegistryOptions options = parse("--registry-user=ci", "--registry-password=pw");
      try (SchemaRegistryClient client =
          options.clientBuilder("http://127.0.0.1:" + server.getAddress().getPort()).build()) {
        assertThat(client.subjects()).isEmpty();
      }
    } finally {
      server.stop(0);
    }
    assertThat(seen)
        .containsOnly(
            "Basic "
                + Base64.getEncoder().encodeToString("ci:pw".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldReadABearerTokenFromTheTokenFile(@TempDir Path dir) throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "abc.def.ghi\n");
    RegistryCredentials credentials = parse("--registry-token-file=" + token).credentials();
    assertThat(credentials.authorization()).contains("Bearer abc.def.ghi");
  }

  @Test
  void shouldRefuseContradictoryCredentialsNamingTheFlags(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                parse("--registry-user=a", "--registry-token-file=" + dir.resolve("t"))
                    .credentials())
        .isInstanceOf(CliException.class)
        .hasMessageContaining("--registry-token-file");
    assertThatThrownBy(() -> parse("--registry-password=x").credentials())
        .isInstanceOf(CliException.class)
        .hasMessageContaining("--registry-user");
  }
}
