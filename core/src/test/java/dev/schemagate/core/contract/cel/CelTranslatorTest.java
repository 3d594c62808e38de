package dev.schemagate.core.contract.cel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.ContractReader;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class CelTranslatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode fixture() throws Exception {
    try (InputStream in = CelTranslatorTest.class.getResourceAsStream("orders-contract-cel.json")) {
      return JSON.readTree(in);
    }
  }

  private static CelTranslation translate(JsonNode fixture) throws Exception {
    Contract contract = ContractReader.read(fixture.get("contract"));
    return CelTranslator.translate(
        contract, Schemas.parse(SchemaFormat.AVRO, fixture.get("schema").toString()));
  }

  @Test
  void shouldTranslateTheFixtureToExactlyThePinnedRuleSet() throws Exception {
    // The interop run registers this ruleSet with Confluent's clients: it must be what we make.
    JsonNode fixture = fixture();
    assertThat(translate(fixture).ruleSetJson()).isEqualTo(fixture.get("ruleSet"));
  }

  @Test
  void shouldSayWhyEachRuleWithoutACelFormIsLeftOut() throws Exception {
    List<Untranslated> left = translate(fixture()).untranslated();
    assertThat(left)
        .extracting(u -> u.rule().rule().wireName() + " " + u.rule().field().orElse("-"))
        .containsExactly(
            "unique order_id",
            "accepted_values currency",
            "regex lines.sku",
            "row_count -",
            "freshness -");
    assertThat(left.get(0).reason()).contains("many records");
    assertThat(left.get(1).reason()).contains("WARN");
    assertThat(left.get(2).reason()).contains("inside the array<record> 'lines'");
    assertThat(left.get(4).reason()).contains("clock");
  }

  private static CelTranslation one(String schema, String rule) throws Exception {
    Contract contract =
        ContractReader.read(JSON.readTree("{\"schemaRef\":\"s\",\"quality\":[" + rule + "]}"));
    return CelTranslator.translate(contract, Schemas.parse(SchemaFormat.JSON, schema));
  }

  @Test
  void shouldTranslateJsonSchemaTypesAndLeaveOutWhatCelCannotCompare() throws Exception {
    String schema =
        "{\"type\":\"object\",\"properties\":{"
            + "\"n\":{\"type\":\"number\"},\"i\":{\"type\":\"integer\"},"
            + "\"ok\":{\"type\":\"boolean\"},\"code\":{\"type\":\"string\"}}}";
    assertThat(
            one(
                    schema,
                    "{\"field\":\"n\",\"rule\":\"accepted_values\",\"params\":{\"values\":\"1,2.5\"}}")
                .rules()
                .getFirst()
                .expr())
        .isEqualTo("!(has(message.n)) || message.n == null || double(message.n) in [1.0, 2.5]");
    assertThat(
            one(schema, "{\"field\":\"i\",\"rule\":\"range\",\"params\":{\"min\":\"0.5\"}}")
                .rules()
                .getFirst()
                .expr())
        .isEqualTo("!(has(message.i)) || message.i == null || message.i >= 1");
    assertThat(
            one(
                    schema,
                    "{\"field\":\"ok\",\"rule\":\"accepted_values\",\"params\":{\"values\":\"true\"}}")
                .rules()
                .getFirst()
                .expr())
        .isEqualTo("!(has(message.ok)) || message.ok == null || message.ok in [true]");
    assertThat(
            one(
                    schema,
                    "{\"field\":\"i\",\"rule\":\"accepted_values\",\"params\":{\"values\":\"1,x\"}}")
                .untranslated()
                .getFirst()
                .reason())
        .contains("no CEL form");
    assertThat(
            one(
                    schema,
                    "{\"field\":\"code\",\"rule\":\"regex\",\"params\":{\"pattern\":\"(?=A)\\\\w+\"}}")
                .untranslated())
        .as("lookahead is Java-only; CEL's matches() is RE2")
        .hasSize(1);
    assertThat(
            one(schema, "{\"field\":\"missing\",\"rule\":\"not_null\"}")
                .untranslated()
                .getFirst()
                .reason())
        .contains("not in the schema");
  }

  @Test
  void shouldEscapeQuotesAndBackslashesAndKeepNamesValidAndUnique() throws Exception {
    String schema =
        "{\"type\":\"object\",\"properties\":{\"a.b\":{\"type\":\"string\"},\"c\":{\"type\":\"string\"}}}";
    CelTranslation t =
        one(
            schema,
            "{\"field\":\"c\",\"rule\":\"accepted_values\",\"params\":{\"values\":[\"it's\",\"a\\\\b\"]}},"
                + "{\"field\":\"c\",\"rule\":\"not_null\"},{\"field\":\"c\",\"rule\":\"not_null\"}");
    assertThat(t.rules().getFirst().expr())
        .isEqualTo("!(has(message.c)) || message.c == null || message.c in ['it\\'s', 'a\\\\b']");
    assertThat(t.rules())
        .extracting(CelRule::name)
        .containsExactly(
            "schemagate_accepted_values_c", "schemagate_not_null_c", "schemagate_not_null_c_2");
    assertThat(t.rules()).allMatch(r -> r.name().matches("[A-Za-z_][A-Za-z0-9_-]{0,63}"));
  }
}
