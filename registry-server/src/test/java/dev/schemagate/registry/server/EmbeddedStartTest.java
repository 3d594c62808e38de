package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The fixture other modules' tests use: a server on port 0 over its own embedded PostgreSQL. */
class EmbeddedStartTest {
  private static final String ORDER =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";

  @Test
  void shouldServeRegisteredSchemasAndDeleteItsTemporaryDataWhenClosed() {
    Path dataDir;
    try (RunningRegistry registry = RegistryConfig.forTests().start()) {
      dataDir = registry.context().config().dataDir();
      Http http = new Http(registry.url());
      assertThat(registry.port()).isPositive();

      Http.Response registered = http.post("/subjects/orders-value/versions", Http.body(ORDER));
      assertThat(registered.status()).isEqualTo(200);
      int id = registered.json().get("id").asInt();

      Http.Response byId = http.get("/schemas/ids/" + id);
      assertThat(byId.status()).isEqualTo(200);
      assertThat(byId.contentType()).startsWith(Http.CONTENT_TYPE);
      assertThat(byId.json().get("schema").asText()).isEqualTo(ORDER);
      assertThat(http.get("/subjects/orders-value/versions").body()).isEqualTo("[1]");
      assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
    }
    assertThat(Files.exists(dataDir)).isFalse();
  }
}
