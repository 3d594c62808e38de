package dev.schemagate.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tables cannot say: behaviour across formats, levels and histories. */
class CompatibilityCheckerTest {
  private static ParsedSchema avro(String text) throws InvalidSchemaException {
    return Schemas.parse(SchemaFormat.AVRO, text);
  }

  @Test
  void shouldRefuseAChangeOfFormatAsBreaking() throws InvalidSchemaException {
    ParsedSchema old = avro("\"string\"");
    ParsedSchema json = Schemas.parse(SchemaFormat.JSON, "{\"type\":\"string\"}");

    CompatibilityResult result =
        Compatibility.checker().check(CompatibilityLevel.BACKWARD, List.of(old), json);

    assertThat(result.compatible()).isFalse();
    assertThat(result.changes().getFirst().message()).contains("format changed from AVRO to JSON");
  }

  @Test
  void shouldMarkNothingBreakingAtNoneButSuggestAMajorBump() throws InvalidSchemaException {
    ParsedSchema old =
        avro("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    ParsedSchema changed =
        avro(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

    CompatibilityResult result =
        Compatibility.checker().check(CompatibilityLevel.NONE, List.of(old), changed);

    assertThat(result.compatible()).isTrue();
    assertThat(result.changes()).isNotEmpty().noneMatch(Change::breaking);
    assertThat(result.suggestedBump()).isEqualTo(VersionBump.MAJOR);
  }

  @Test
  void shouldReportABreakOnceWhenItBreaksAgainstSeveralOlderVersions()
      throws InvalidSchemaException {
    ParsedSchema v1 =
        avro("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    ParsedSchema v2 =
        avro(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"doc\":\"a\"}]}");
    ParsedSchema v3 =
        avro(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

    CompatibilityResult result =
        Compatibility.checker().check(CompatibilityLevel.FULL_TRANSITIVE, List.of(v1, v2), v3);

    assertThat(result.breakingChanges())
        .filteredOn(c -> c.path().equals("/fields/a/type"))
        .hasSize(1);
  }

  @Test
  void shouldFindNothingBetweenSchemasWithTheSameCanonicalForm() throws InvalidSchemaException {
    ParsedSchema a =
        avro("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
    ParsedSchema b =
        avro(
            "{ \"fields\": [ {\"type\": \"int\", \"name\": \"a\"} ], \"name\": \"R\", \"type\": \"record\" }");

    CompatibilityResult result =
        Compatibility.checker().check(CompatibilityLevel.FULL, List.of(a), b);

    assertThat(result.changes()).isEmpty();
    assertThat(result.suggestedBump()).isEqualTo(VersionBump.NONE);
  }
}
