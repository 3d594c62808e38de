package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data under the data directory across restarts. */
class RestartTest {

  @Test
  void shouldKeepEverySchemaIdAndVersionAcrossARestart(@TempDir Path dataDir) {
    RegistryConfig config =
        RegistryConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).build();
    List<Integer> ids = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    try (RunningRegistry first = RegistryServer.start(config)) {
      Http http = new Http(first.url());
      for (int i = 1; i <= 3; i++) {
        ids.add(
            http.post("/subjects/restart/versions", Http.body(Schemas.avroRecord("R", i)))
                .json()
                .get("id")
                .asInt());
      }
      ids.add(
          http.post(
                  "/subjects/restart-json/versions",
                  Http.body(Schemas.JSON_OBJECT, "\"schemaType\":\"JSON\""))
              .json()
              .get("id")
              .asInt());
      for (int id : ids) {
        bodies.add(http.get("/schemas/ids/" + id).body());
      }
      assertThat(http.put("/config/restart", "{\"compatibility\":\"FULL\"}").status())
          .isEqualTo(200);
    }

    try (RunningRegistry second = RegistryServer.start(config)) {
      Http http = new Http(second.url());
      for (int i = 0; i < ids.size(); i++) {
        assertThat(http.get("/schemas/ids/" + ids.get(i)).body()).isEqualTo(bodies.get(i));
      }
      assertThat(http.get("/subjects/restart/versions").body()).isEqualTo("[1,2,3]");
      assertThat(http.get("/subjects/restart/versions/latest").json().get("id").asInt())
          .isEqualTo(ids.get(2));
      assertThat(http.get("/config/restart").json().get("compatibilityLevel").asText())
          .isEqualTo("FULL");
      int fresh =
          http.post("/subjects/restart-new/versions", Http.body(Schemas.avroRecord("Fresh", 1)))
              .json()
              .get("id")
              .asInt();
      assertThat(fresh).isGreaterThan(ids.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }
  }
}
