package dev.schemagate.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.Directions;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private static final Map<SchemaFormat, String> SAMPLES =
      Map.of(
          SchemaFormat.AVRO,
          """
          {"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}""",
          SchemaFormat.JSON,
          """
          {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""");

  @Test
  void shouldRegisterExactlyOneProviderPerFormatUnderItsOwnName() {
    assertThat(Formats.all().keySet()).containsExactlyInAnyOrder(SchemaFormat.values());
    Formats.all().forEach((format, provider) -> assertThat(provider.format()).isEqualTo(format));
  }

  @Test
  void shouldParseCompareAndListFieldsThroughTheProviderOfEachFormat() throws Exception {
    for (SchemaFormat format : SchemaFormat.values()) {
      FormatProvider provider = Formats.of(format);
      var parsed = provider.parse(SAMPLES.get(format), Map.of());

      assertThat(parsed.format()).isEqualTo(format);
      assertThat(parsed.fingerprint())
          .isEqualTo(Schemas.parse(format, SAMPLES.get(format)).fingerprint());
      assertThat(provider.fields(parsed)).extracting(SchemaField::path).containsExactly("id");
      assertThat(provider.checker().compare(parsed, parsed, Directions.BOTH)).isEmpty();
      assertThat(
              Compatibility.checker()
                  .check(CompatibilityLevel.FULL_TRANSITIVE, List.of(parsed), parsed)
                  .compatible())
          .isTrue();
    }
  }
}
