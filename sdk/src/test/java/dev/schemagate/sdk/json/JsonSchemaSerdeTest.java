package dev.schemagate.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.sdk.InMemoryRegistryClient;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.SerdeException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSchemaSerdeTest {
  static final String SCHEMA =
      """
      {"$schema":"http://json-schema.org/draft-07/schema#","title":"UserEvent","type":"object",
       "required":["userId","kind","score"],
       "properties":{
         "userId":{"type":"string","pattern":"^u-[0-9]+$"},
         "kind":{"enum":["SIGNUP","LOGIN"]},
         "score":{"type":"integer","minimum":0,"maximum":100},
         "email":{"type":"string","maxLength":20}
       }}""";

  public record UserEvent(String userId, String kind, int score) {}

  private final InMemoryRegistryClient registry = new InMemoryRegistryClient();
  private final ObjectMapper mapper = new ObjectMapper();

  private <T> JsonSchemaSerializer<T> serializer() {
    registry.registerWithId("events-value", SchemaSubmission.of(SchemaFormat.JSON, SCHEMA), 9);
    var serializer = new JsonSchemaSerializer<T>();
    serializer.configure(
        Map.of(SdkConfig.REGISTRY_CLIENT, registry, SdkConfig.JSON_SCHEMA, SCHEMA), false);
    return serializer;
  }

  private <T> JsonSchemaDeserializer<T> deserializer(Map<String, Object> extra) {
    var config = new HashMap<String, Object>(extra);
    config.put(SdkConfig.REGISTRY_CLIENT, registry);
    var deserializer = new JsonSchemaDeserializer<T>();
    deserializer.configure(config, false);
    return deserializer;
  }

  @Test
  void shouldRoundTripAPojoAndAJsonNode() throws Exception {
    var event = new UserEvent("u-1", "LOGIN", 42);
    byte[] bytes = this.<UserEvent>serializer().serialize("events", event);

    UserEvent read =
        this.<UserEvent>deserializer(Map.of(SdkConfig.JSON_VALUE_TYPE, UserEvent.class.getName()))
            .deserialize("events", bytes);
    JsonNode node = this.<JsonNode>deserializer(Map.of()).deserialize("events", bytes);

    assertThat(read).isEqualTo(event);
    assertThat(node).isEqualTo(mapper.valueToTree(event));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing required | {\"userId\":\"u-1\",\"kind\":\"LOGIN\"} | /score | required",
        "wrong type | {\"userId\":\"u-1\",\"kind\":\"LOGIN\",\"score\":\"high\"} | /score | type",
        "not in enum | {\"userId\":\"u-1\",\"kind\":\"LOGOUT\",\"score\":1} | /kind | enum",
        "below minimum | {\"userId\":\"u-1\",\"kind\":\"LOGIN\",\"score\":-1} | /score | minimum",
        "above maximum | {\"userId\":\"u-1\",\"kind\":\"LOGIN\",\"score\":101} | /score | maximum",
        "pattern | {\"userId\":\"x\",\"kind\":\"LOGIN\",\"score\":1} | /userId | pattern",
        "string too long | {\"userId\":\"u-1\",\"kind\":\"LOGIN\",\"score\":1,\"email\":\"aaaaaaaaaaaaaaaaaaaaaaaaa@b.c\"} | /email | maxLength",
      })
  void shouldRefuseARecordBreakingItsSchemaNamingPathAndRule(
      String name, String json, String path, String rule) throws Exception {
    JsonNode record = mapper.readTree(json);

    assertThatThrownBy(() -> this.<JsonNode>serializer().serialize("events", record))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_RECORD);
              assertThat(e.violation())
                  .hasValueSatisfying(
                      v -> {
                        assertThat(v.path()).isEqualTo(path);
                        assertThat(v.rule()).isEqualTo(rule);
                      });
              assertThat(e.getMessage()).contains(path).contains("JSON Schema id 9");
            });
  }

  @Test
  void shouldRefuseOnReadARecordThatBreaksTheWritersSchema() {
    registry.registerWithId("events-value", SchemaSubmission.of(SchemaFormat.JSON, SCHEMA), 9);
    byte[] json =
        "{\"userId\":\"u-1\",\"kind\":\"LOGIN\",\"score\":500}".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[5 + json.length];
    bytes[4] = 9;
    System.arraycopy(json, 0, bytes, 5, json.length);

    assertThatThrownBy(() -> this.<JsonNode>deserializer(Map.of()).deserialize("events", bytes))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_RECORD);
              assertThat(e.violation().orElseThrow().path()).isEqualTo("/score");
            });
  }

  @Test
  void shouldExplainAPayloadThatIsNotJson() {
    registry.registerWithId("events-value", SchemaSubmission.of(SchemaFormat.JSON, SCHEMA), 9);
    byte[] bytes = {0, 0, 0, 0, 9, '{', '"', 'u'};

    assertThatThrownBy(() -> this.<JsonNode>deserializer(Map.of()).deserialize("events", bytes))
        .isInstanceOfSatisfying(
            SerdeException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
              assertThat(e.getMessage()).contains("is not JSON");
            });
  }

  @Test
  void shouldWriteWithTheLatestRegisteredSchemaWhenAsked() throws Exception {
    registry.registerWithId("events-value", SchemaSubmission.of(SchemaFormat.JSON, SCHEMA), 9);
    var serializer = new JsonSchemaSerializer<JsonNode>();
    serializer.configure(
        Map.of(SdkConfig.REGISTRY_CLIENT, registry, SdkConfig.USE_LATEST_VERSION, true), false);

    byte[] bytes =
        serializer.serialize(
            "events", mapper.readTree("{\"userId\":\"u-1\",\"kind\":\"LOGIN\",\"score\":1}"));

    assertThat(bytes[4]).isEqualTo((byte) 9);
    assertThatThrownBy(
            () -> serializer.serialize("events", mapper.readTree("{\"userId\":\"u-1\"}")))
        .isInstanceOfSatisfying(
            SerdeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RECORD));
  }

  @Test
  void shouldUseTheSchemaTitleAsTheRecordName() throws Exception {
    var serializer = new JsonSchemaSerializer<JsonNode>();
    serializer.configure(
        Map.of(
            SdkConfig.REGISTRY_CLIENT,
            registry,
            SdkConfig.JSON_SCHEMA,
            SCHEMA,
            SdkConfig.AUTO_REGISTER,
            true,
            SdkConfig.VALUE_SUBJECT_NAME_STRATEGY,
            "topic-record"),
        false);

    serializer.serialize(
        "events", mapper.readTree("{\"userId\":\"u-1\",\"kind\":\"LOGIN\",\"score\":1}"));

    assertThat(registry.subjects()).containsExactly("events-UserEvent");
  }

  @Test
  void shouldRefuseAConfigurationWithoutASchemaSource() {
    var serializer = new JsonSchemaSerializer<JsonNode>();
    assertThatThrownBy(
            () -> serializer.configure(Map.of(SdkConfig.REGISTRY_CLIENT, registry), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schemagate.json.schema");
    assertThatThrownBy(() -> new JsonSchemaSerializer<JsonNode>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(
            () ->
                new JsonSchemaSerializer<JsonNode>()
                    .configure(
                        Map.of(
                            SdkConfig.REGISTRY_URL,
                            "http://r:8081",
                            SdkConfig.JSON_SCHEMA,
                            SCHEMA,
                            SdkConfig.VALUE_SUBJECT_NAME_STRATEGY,
                            "by-magic"),
                        false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("topic, record or topic-record");
    assertThat(List.of()).isEmpty();
  }
}
