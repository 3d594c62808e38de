package dev.schemagate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemasTest {

  static Stream<Arguments> canonicalCases() {
    return Fixtures.cases(SchemasTest.class, "canonical-cases.json").stream()
        .map(c -> Arguments.of(Named.of(c.get("name").textValue(), c)));
  }

  static Stream<Arguments> malformedCases() {
    return Fixtures.cases(SchemasTest.class, "malformed-cases.json").stream()
        .map(c -> Arguments.of(Named.of(c.get("name").textValue(), c)));
  }

  @ParameterizedTest
  @MethodSource("canonicalCases")
  void shouldGiveEqualFingerprintsExactlyWhenMeaningIsEqual(JsonNode c)
      throws InvalidSchemaException {
    SchemaFormat format = SchemaFormat.valueOf(c.get("format").textValue());
    ParsedSchema a =
        Schemas.parser().parse(format, Fixtures.schemaText(c.get("a")), refs(c, "aReferences"));
    ParsedSchema b =
        Schemas.parser().parse(format, Fixtures.schemaText(c.get("b")), refs(c, "bReferences"));

    if (c.get("sameFingerprint").booleanValue()) {
      assertThat(b.canonicalForm()).isEqualTo(a.canonicalForm());
      assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
    } else {
      assertThat(b.fingerprint()).isNotEqualTo(a.fingerprint());
    }
  }

  @ParameterizedTest
  @MethodSource("malformedCases")
  void shouldRefuseMalformedSchemaNamingTheProblemAndWhere(JsonNode c) {
    SchemaFormat format = SchemaFormat.valueOf(c.get("format").textValue());
    String text = c.get("text").isTextual() ? c.get("text").textValue() : c.get("text").toString();

    var thrown =
        assertThatThrownBy(() -> Schemas.parser().parse(format, text, Fixtures.references(c)))
            .isInstanceOf(InvalidSchemaException.class);
    for (JsonNode expected : c.get("messageContains")) {
      thrown.hasMessageContaining(expected.textValue());
    }
    thrown.message().doesNotContain("\tat ", "Exception:");
  }

  @Test
  void shouldExposeAvrosOwnModelWithReferencesResolved() throws InvalidSchemaException {
    String money =
        """
        {"type":"record","name":"Money","namespace":"shop","fields":[
          {"name":"units","type":"long"},{"name":"currency","type":"string"}]}""";
    String order =
        """
        {"type":"record","name":"Order","namespace":"shop","fields":[
          {"name":"total","type":"shop.Money"}]}""";

    ParsedSchema parsed =
        Schemas.parser().parse(SchemaFormat.AVRO, order, Map.of("shop.Money", money));

    assertThat(parsed).isInstanceOf(AvroSchemaDoc.class);
    var schema = ((AvroSchemaDoc) parsed).schema();
    assertThat(schema.getField("total").schema().getField("currency")).isNotNull();
    assertThat(parsed.fingerprint().value()).startsWith("sha256:").hasSize(71);
  }

  @Test
  void shouldResolveAvroReferencesThatUseEachOtherInAnyOrder() throws InvalidSchemaException {
    String currency =
        "{\"type\":\"enum\",\"name\":\"shop.Currency\",\"symbols\":[\"EUR\",\"USD\"]}";
    String money =
        "{\"type\":\"record\",\"name\":\"shop.Money\",\"fields\":[{\"name\":\"c\",\"type\":\"shop.Currency\"}]}";
    String order =
        "{\"type\":\"record\",\"name\":\"shop.Order\",\"fields\":[{\"name\":\"m\",\"type\":\"shop.Money\"}]}";
    // Money first: it needs Currency, which comes later in the map.
    var refs = new java.util.LinkedHashMap<String, String>();
    refs.put("shop.Money", money);
    refs.put("shop.Currency", currency);

    ParsedSchema parsed = Schemas.parser().parse(SchemaFormat.AVRO, order, refs);

    assertThat(
            ((AvroSchemaDoc) parsed)
                .schema()
                .getField("m")
                .schema()
                .getField("c")
                .schema()
                .getEnumSymbols())
        .containsExactly("EUR", "USD");
  }

  @Test
  void shouldDetectTheJsonSchemaDraftFromDollarSchema() throws InvalidSchemaException {
    var draft7 = (JsonSchemaDoc) Schemas.parse(SchemaFormat.JSON, "{\"type\":\"object\"}");
    var draft2020 =
        (JsonSchemaDoc)
            Schemas.parse(
                SchemaFormat.JSON,
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\"}");

    assertThat(draft7.draft()).isEqualTo(JsonSchemaDraft.DRAFT_7);
    assertThat(draft2020.draft()).isEqualTo(JsonSchemaDraft.DRAFT_2020_12);
    assertThat(draft2020.root().get("type").textValue()).isEqualTo("object");
  }

  private static Map<String, String> refs(JsonNode c, String key) {
    Map<String, String> refs = new java.util.LinkedHashMap<>();
    c.path(key).properties().forEach(e -> refs.put(e.getKey(), Fixtures.schemaText(e.getValue())));
    return refs;
  }
}
