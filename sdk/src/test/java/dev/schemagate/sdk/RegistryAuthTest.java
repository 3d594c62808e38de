package dev.schemagate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.schemagate.registry.server.RegistryConfig;
import dev.schemagate.registry.server.RunningRegistry;
import dev.schemagate.registry.server.security.PasswordCheck;
import dev.schemagate.registry.server.security.SecurityConfig;
import dev.schemagate.sdk.avro.AvroDeserializer;
import dev.schemagate.sdk.avro.AvroSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serdes reach a registry with authentication on through Confluent's configuration keys. */
class RegistryAuthTest {
  private static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Paid\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");

  @TempDir static Path dir;
  private static RunningRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    Path authFile = dir.resolve("auth.yaml");
    Files.writeString(
        authFile,
        """
        users:
          - name: producer
            passwordHash: "%s"
            grants: [{role: write, subjectPrefix: "payments-"}]
        """
            .formatted(PasswordCheck.hash("pw-123".toCharArray())));
    registry =
        RegistryConfig.forTests().security(SecurityConfig.NONE.withAuthFile(authFile)).start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static Map<String, Object> config(String userInfo) {
    Map<String, Object> config = new HashMap<>();
    config.put(SdkConfig.REGISTRY_URL, registry.url());
    config.put(SdkConfig.AUTO_REGISTER, true);
    config.put(SdkConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
    config.put(SdkConfig.BASIC_AUTH_USER_INFO, userInfo);
    // Generous: a password is checked with a deliberately slow hash, which on a loaded CI machine
    // once took longer than the default 2 s request timeout; what is tested is the answer.
    config.put(SdkConfig.REGISTRY_MAX_BLOCK_MS, 30_000);
    config.put(SdkConfig.REGISTRY_REQUEST_TIMEOUT_MS, 20_000);
    return config;
  }

  @Test
  void shouldRegisterAndReadWithBasicAuthUserInfo() {
    GenericRecord paid = new GenericData.Record(SCHEMA);
    paid.put("id", 7L);
    try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>()) {
      serializer.configure(config("producer:pw-123"), false);
      deserializer.configure(config("producer:pw-123"), false);
      byte[] bytes = serializer.serialize("payments", paid);
      assertThat(deserializer.deserialize("payments", bytes).get("id")).isEqualTo(7L);
    }
  }

  @Test
  void shouldFailWithTheRegistrysRefusalWhenThePasswordIsWrong() {
    GenericRecord paid = new GenericData.Record(SCHEMA);
    paid.put("id", 8L);
    try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>()) {
      serializer.configure(config("producer:wrong"), false);
      assertThatThrownBy(() -> serializer.serialize("payments", paid))
          .hasStackTraceContaining("40101");
    }
  }
}
