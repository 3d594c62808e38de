package dev.schemagate.core.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.schema.Fixtures;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility tables: each case is a history (oldest first), a candidate, a level, whether it
 * is compatible, and changes that must be listed (type, path, breaking; optionally words the fix
 * must contain). Listed changes must appear; others may too.
 */
class CompatibilityCasesTest {

  static Stream<Arguments> avroCases() {
    return cases("avro-cases.json", SchemaFormat.AVRO);
  }

  static Stream<Arguments> jsonCases() {
    return cases("json-cases.json", SchemaFormat.JSON);
  }

  private static Stream<Arguments> cases(String resource, SchemaFormat format) {
    return Fixtures.cases(CompatibilityCasesTest.class, resource).stream()
        .map(c -> Arguments.of(format, Named.of(c.get("name").textValue(), c)));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("avroCases")
  void shouldJudgeAvroEvolutionLikeTheSpecification(SchemaFormat format, JsonNode c)
      throws InvalidSchemaException {
    verify(format, c);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("jsonCases")
  void shouldJudgeJsonSchemaEvolutionLikeConfluent(SchemaFormat format, JsonNode c)
      throws InvalidSchemaException {
    verify(format, c);
  }

  private static void verify(SchemaFormat format, JsonNode c) throws InvalidSchemaException {
    List<ParsedSchema> history = new ArrayList<>();
    JsonNode versions = c.has("history") ? c.get("history") : singleton(c.get("old"));
    for (JsonNode version : versions) {
      history.add(
          Schemas.parser()
              .parse(format, Fixtures.schemaText(version), references(c, "oldReferences")));
    }
    ParsedSchema candidate =
        Schemas.parser()
            .parse(format, Fixtures.schemaText(c.get("new")), references(c, "newReferences"));
    CompatibilityLevel level = CompatibilityLevel.valueOf(c.get("level").textValue());

    CompatibilityResult result = Compatibility.checker().check(level, history, candidate);

    String listing =
        result.changes().stream()
            .map(
                ch ->
                    "%s %s %s: %s"
                        .formatted(
                            ch.breaking() ? "BREAKING" : "ok", ch.type(), ch.path(), ch.message()))
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    assertThat(result.compatible())
        .as("compatible? changes:" + listing)
        .isEqualTo(c.get("compatible").booleanValue());
    for (JsonNode expected : c.path("changes")) {
      ChangeType type = ChangeType.valueOf(expected.get("type").textValue());
      String path = expected.get("path").textValue();
      List<Change> matching =
          result.changes().stream()
              .filter(ch -> ch.type() == type && ch.path().equals(path))
              .toList();
      assertThat(matching).as("a %s change at %s among:%s", type, path, listing).isNotEmpty();
      if (expected.has("breaking")) {
        assertThat(matching)
            .as("%s at %s breaking=%s among:%s", type, path, expected.get("breaking"), listing)
            .anyMatch(ch -> ch.breaking() == expected.get("breaking").booleanValue());
      }
      if (expected.has("fixContains")) {
        assertThat(matching)
            .as(
                "fix of %s at %s mentions '%s'",
                type, path, expected.get("fixContains").textValue())
            .anyMatch(
                ch ->
                    ch.suggestedFix().orElse("").contains(expected.get("fixContains").textValue()));
      }
      if (expected.has("messageContains")) {
        String words = expected.get("messageContains").textValue();
        assertThat(matching)
            .as("message of %s at %s mentions '%s' among:%s", type, path, words, listing)
            .anyMatch(ch -> ch.message().contains(words));
      }
    }
    if (c.has("changeCount")) {
      assertThat(result.changes())
          .as("changes:" + listing)
          .hasSize(c.get("changeCount").intValue());
    }
    if (c.has("bump")) {
      assertThat(result.suggestedBump())
          .as("bump; changes:" + listing)
          .isEqualTo(VersionBump.valueOf(c.get("bump").textValue()));
    }
    assertThat(result.changes())
        .as("breaking first")
        .isSortedAccordingTo((a, b) -> Boolean.compare(b.breaking(), a.breaking()));
  }

  private static java.util.Map<String, String> references(JsonNode c, String key) {
    java.util.Map<String, String> references = new java.util.LinkedHashMap<>();
    c.path(key)
        .properties()
        .forEach(e -> references.put(e.getKey(), Fixtures.schemaText(e.getValue())));
    return references;
  }

  private static JsonNode singleton(JsonNode old) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(old);
  }
}
