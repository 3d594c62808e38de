package dev.schemagate.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.review.ProposedSchema;
import dev.schemagate.core.review.RegisteredVersion;
import dev.schemagate.core.review.SchemaChangeReview;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile schemas are refused quickly, naming the limit (issue 15), not served for minutes. */
class SchemaLimitsTest {
  private static final Duration QUICKLY = Duration.ofSeconds(10);

  /** A union of {@code n} records, each holding the one before it: nesting n deep. */
  static String chainedUnion(int n) {
    StringBuilder b =
        new StringBuilder(
            "{\"type\":\"record\",\"name\":\"Root\",\"fields\":[{\"name\":\"u\",\"type\":[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"type\":\"record\",\"name\":\"R")
          .append(i)
          .append("\",\"fields\":[")
          .append(
              i == 0
                  ? "{\"name\":\"f\",\"type\":\"int\"}"
                  : "{\"name\":\"prev\",\"type\":\"R" + (i - 1) + "\"}")
          .append("]}");
    }
    return b.append("]}]}").toString();
  }

  @Test
  void shouldRefuseAUnionOfTwentyThousandChainedRecordsQuicklyNamingTheLimit() {
    String chain = chainedUnion(20_000);
    SchemaLimitException refused = refusedQuickly(chain);
    assertThat(refused.limit()).isEqualTo("avro-union-branches");
    assertThat(refused.getMessage()).contains("20,000 branches");
  }

  @Test
  void shouldRefuseAChainOfRecordsNestedPastTheBound() {
    String chain = chainedUnion(200);
    SchemaLimitException refused = refusedQuickly(chain);
    assertThat(refused.limit()).isEqualTo("avro-depth");
    assertThat(refused.getMessage()).contains("more than 64 deep").contains("avro-depth");
  }

  private static SchemaLimitException refusedQuickly(String avro) {
    return assertTimeoutPreemptively(
        QUICKLY,
        () ->
            org.junit.jupiter.api.Assertions.assertThrows(
                SchemaLimitException.class,
                () -> Schemas.parser().parse(SchemaFormat.AVRO, avro, Map.of())));
  }

  @Test
  void shouldStillAcceptAChainWithinTheBound() throws InvalidSchemaException {
    assertThat(Schemas.parser().parse(SchemaFormat.AVRO, chainedUnion(40), Map.of()).format())
        .isEqualTo(SchemaFormat.AVRO);
  }

  @Test
  void shouldRefuseAnOverlyWideUnion() {
    StringBuilder union = new StringBuilder("[");
    for (int i = 0; i <= SchemaLimits.MAX_UNION_BRANCHES; i++) {
      union
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"fixed\",\"name\":\"F")
          .append(i)
          .append("\",\"size\":1}");
    }
    String schema =
        "{\"type\":\"record\",\"name\":\"W\",\"fields\":[{\"name\":\"u\",\"type\":"
            + union.append("]")
            + "}]}";
    assertThatThrownBy(() -> Schemas.parser().parse(SchemaFormat.AVRO, schema, Map.of()))
        .isInstanceOfSatisfying(
            SchemaLimitException.class,
            e -> assertThat(e.limit()).isEqualTo("avro-union-branches"));
  }

  @Test
  void shouldRefuseAJsonSchemaNestedTooDeep() {
    String deep =
        "{\"type\":\"object\",\"properties\":{\"a\":".repeat(200) + "{}" + "}}".repeat(200);
    assertThatThrownBy(() -> Schemas.parser().parse(SchemaFormat.JSON, deep, Map.of()))
        .isInstanceOfSatisfying(
            SchemaLimitException.class, e -> assertThat(e.limit()).isEqualTo("schema-depth"));
  }

  @Test
  void shouldRefuseAJsonDocumentPastJacksonsOwnNestingGuardAsALimit() {
    String deeper = "[".repeat(5_000) + "]".repeat(5_000);
    assertThatThrownBy(() -> Schemas.parser().parse(SchemaFormat.JSON, deeper, Map.of()))
        .isInstanceOf(SchemaLimitException.class);
  }

  @Test
  void shouldDenyAPatternPropertyThatBacktracksExponentiallyWithinASecond() throws Exception {
    String name = "a".repeat(40) + "!";
    String old =
        """
        {"type":"object","properties":{"%s":{"type":"string"}},
         "patternProperties":{"^(a*)*\\\\1b$":{"type":"string"}},"additionalProperties":false}"""
            .formatted(name);
    String candidate =
        """
        {"type":"object","properties":{},
         "patternProperties":{"^(a*)*\\\\1b$":{"type":"string"}},"additionalProperties":false}""";
    SchemaChangeReview review = new SchemaChangeReview(Schemas.parser(), Compatibility.checker());

    Decision decision =
        assertTimeoutPreemptively(
            QUICKLY,
            () ->
                review.review(
                    new ProposedSchema(
                        "hostile-value",
                        SchemaFormat.JSON,
                        candidate,
                        CompatibilityLevel.BACKWARD,
                        Map.of()),
                    List.of(new RegisteredVersion(1, SchemaFormat.JSON, old))));

    assertThat(decision).isInstanceOf(Decision.Denied.class);
    Decision.Denied denied = (Decision.Denied) decision;
    assertThat(denied.reason()).isEqualTo(DenialReason.SCHEMA_TOO_COMPLEX);
    assertThat(denied.message()).contains("^(a*)*\\1b$").contains("ran longer than");
  }

  @Test
  void shouldMatchOrdinaryPatternsAsBefore() {
    assertThat(BoundedRegex.find("^x-", "x-owner")).isTrue();
    assertThat(BoundedRegex.find("^x-", "owner")).isFalse();
    assertThat(BoundedRegex.find("(ab)\\1", "zzababzz")).isTrue();
    assertThat(BoundedRegex.find("[unclosed", "anything")).isFalse();
  }
}
