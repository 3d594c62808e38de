package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schemagate check --registry URL} records the checkpoint in the real registry. */
class CheckPublishTest {
  static RunningRegistry registry;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static JsonNode latest(String namespace, String contract) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            registry.url()
                                + "/api/v1/checkpoints/"
                                + namespace
                                + "/"
                                + contract
                                + "/latest"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void shouldRecordAFailedCheckpointUnderTheContractsNamespace() throws Exception {
    Path data = dir.resolve("orders.jsonl");
    Files.writeString(data, CheckFixtures.violatingJsonLines());

    CheckFileTest.Run run =
        CheckFileTest.run(
            "check",
            "--contract",
            CheckFixtures.contract().toString(),
            "--source",
            data.toString(),
            "--registry",
            registry.url());

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    JsonNode latest = latest("shop", "orders");
    assertThat(latest.get("verdict").asText()).isEqualTo("FAILED");
    assertThat(latest.get("source").asText()).isEqualTo(data.toString());
    assertThat(latest.get("rows").asLong()).isEqualTo(4);
    assertThat(latest.get("failedRules").asInt()).isEqualTo(7);
  }

  @Test
  void shouldPrintTheReportAndSayItWasNotRecordedWhenTheRegistryIsDown() throws Exception {
    Path data = dir.resolve("orders.jsonl");
    Files.writeString(data, CheckFixtures.cleanJsonLines());

    CheckFileTest.Run run =
        CheckFileTest.run(
            "check",
            "--contract",
            CheckFixtures.contract().toString(),
            "--source",
            data.toString(),
            "--registry",
            "http://127.0.0.1:1",
            "--namespace",
            "other");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("## Checkpoint PASSED");
    assertThat(run.err())
        .startsWith(
            "schemagate check: checkpoint not recorded in http://127.0.0.1:1 (UNAVAILABLE)");
  }
}
