package dev.schemagate.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.CompatibilityChecker;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.compat.VersionBump;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The review's own logic, with the checker's answer given: parse errors, identical content, format
 * mismatch, warnings, and message length. The engine's verdicts are tested with the real checker in
 * {@code SchemaChangeReviewEngineTest}.
 */
class SchemaChangeReviewTest {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
  private static final String V2 =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
          + "{\"name\":\"n\",\"type\":\"int\",\"default\":0}]}";

  private final AtomicInteger checks = new AtomicInteger();

  private CompatibilityChecker answering(List<Change> changes) {
    return (level, history, candidate) -> {
      checks.incrementAndGet();
      return new CompatibilityResult(level, changes, VersionBump.MINOR);
    };
  }

  private static Change breaking(int i) {
    return new Change(
        "/fields/f" + i,
        ChangeType.FIELD_REMOVED,
        true,
        "field f" + i + " was removed",
        Optional.of("add it back with a default"));
  }

  @Test
  void shouldDenyAnUnparsableSchemaWithTheParserMessage() {
    var review = new SchemaChangeReview(Schemas.parser(), answering(List.of()));
    Decision decision =
        review.review(
            new ProposedSchema(
                "orders", SchemaFormat.AVRO, "{\"type\": \"record\"", CompatibilityLevel.BACKWARD),
            List.of());
    assertThat(decision).isInstanceOf(Decision.Denied.class);
    Decision.Denied denied = (Decision.Denied) decision;
    assertThat(denied.reason()).isEqualTo(DenialReason.INVALID_SCHEMA);
    assertThat(denied.message()).startsWith("AVRO schema for subject \"orders\" is invalid: ");
    assertThat(checks).hasValue(0);
  }

  @Test
  void shouldAllowIdenticalContentWithoutAskingTheChecker() {
    var review = new SchemaChangeReview(Schemas.parser(), answering(List.of(breaking(1))));
    String reformatted = V1.replace(",", ",\n  ");
    Decision decision =
        review.review(
            new ProposedSchema("orders", SchemaFormat.AVRO, reformatted, CompatibilityLevel.FULL),
            List.of(
                new RegisteredVersion(1, SchemaFormat.AVRO, V1),
                new RegisteredVersion(2, SchemaFormat.AVRO, V2)));
    assertThat(decision.allowed()).isTrue();
    assertThat(checks).hasValue(0);
  }

  @Test
  void shouldCapTheMessageAndSayHowManyMoreThereAre() {
    List<Change> twelve =
        IntStream.rangeClosed(1, 12).mapToObj(SchemaChangeReviewTest::breaking).toList();
    var review = new SchemaChangeReview(Schemas.parser(), answering(twelve));
    Decision.Denied denied =
        (Decision.Denied)
            review.review(
                new ProposedSchema(
                    "orders", SchemaFormat.AVRO, V2, CompatibilityLevel.BACKWARD_TRANSITIVE),
                List.of(
                    new RegisteredVersion(3, SchemaFormat.AVRO, V1),
                    new RegisteredVersion(4, SchemaFormat.AVRO, V1)));
    assertThat(denied.reason()).isEqualTo(DenialReason.INCOMPATIBLE);
    assertThat(denied.changes()).hasSize(12);
    List<String> lines = denied.message().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo(
            "schema for subject \"orders\" is not BACKWARD_TRANSITIVE compatible with versions 3-4:"
                + " 12 breaking changes");
    assertThat(lines).hasSize(1 + DenialMessages.MAX_CHANGES + 1);
    assertThat(lines.get(1))
        .isEqualTo("- /fields/f1: field f1 was removed (fix: add it back with a default)");
    assertThat(lines.getLast()).isEqualTo("- and 4 more (schemagate compat lists them all)");
  }

  @Test
  void shouldShortenAVeryLongLine() {
    Change longOne =
        new Change("/fields/x", ChangeType.OTHER, true, "y".repeat(1000), Optional.empty());
    var review = new SchemaChangeReview(Schemas.parser(), answering(List.of(longOne)));
    Decision.Denied denied =
        (Decision.Denied)
            review.review(
                new ProposedSchema("orders", SchemaFormat.AVRO, V2, CompatibilityLevel.BACKWARD),
                List.of(new RegisteredVersion(1, SchemaFormat.AVRO, V1)));
    assertThat(denied.message().lines().skip(1).findFirst().orElseThrow())
        .hasSize(242)
        .endsWith("...");
  }

  @Test
  void shouldRefuseASchemaOfAnotherFormatThanTheSubjectHolds() {
    var review = new SchemaChangeReview(Schemas.parser(), answering(List.of()));
    Decision decision =
        review.review(
            new ProposedSchema(
                "orders", SchemaFormat.JSON, "{\"type\":\"object\"}", CompatibilityLevel.BACKWARD),
            List.of(new RegisteredVersion(1, SchemaFormat.AVRO, V1)));
    assertThat(((Decision.Denied) decision).message())
        .isEqualTo(
            "subject \"orders\" holds AVRO schemas (version 1); a JSON schema cannot be registered under it");
  }

  @Test
  void shouldWarnAboutCompatibilityNoneAndDocOnlyChanges() {
    Change doc = new Change("/doc", ChangeType.DOC_CHANGED, false, "doc changed", Optional.empty());
    var review = new SchemaChangeReview(Schemas.parser(), answering(List.of(doc)));
    Decision none =
        review.review(
            new ProposedSchema("orders", SchemaFormat.AVRO, V2, CompatibilityLevel.NONE),
            List.of());
    assertThat(none.warnings()).singleElement().asString().startsWith("compatibility NONE");
    Decision docOnly =
        review.review(
            new ProposedSchema("orders", SchemaFormat.AVRO, V2, CompatibilityLevel.BACKWARD),
            List.of(new RegisteredVersion(1, SchemaFormat.AVRO, V1)));
    assertThat(docOnly.warnings())
        .singleElement()
        .asString()
        .startsWith("only documentation changed");
  }

  @Test
  void shouldRefuseToJudgeAgainstAHistoryThatDoesNotParse() {
    var review = new SchemaChangeReview(Schemas.parser(), answering(List.of()));
    List<RegisteredVersion> history = new ArrayList<>();
    history.add(
        new RegisteredVersion(
            1,
            SchemaFormat.AVRO,
            "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"Missing\"}]}"));
    Decision decision =
        review.review(
            new ProposedSchema("orders", SchemaFormat.AVRO, V2, CompatibilityLevel.BACKWARD),
            history);
    assertThat(((Decision.Denied) decision).message())
        .startsWith("subject \"orders\" cannot be checked: registered version 1 does not parse");
  }
}
