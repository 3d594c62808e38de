package dev.schemagate.core.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review with the real parser and compatibility engine: the verdicts users will see. */
class SchemaChangeReviewEngineTest {
  private final SchemaChangeReview review =
      new SchemaChangeReview(Schemas.parser(), Compatibility.checker());

  private static String record(String fields) {
    return "{\"type\":\"record\",\"name\":\"Customer\",\"fields\":[" + fields + "]}";
  }

  private static final String ID = "{\"name\":\"id\",\"type\":\"string\"}";
  private static final String TIER_WITH_DEFAULT =
      "{\"name\":\"tier\",\"type\":\"string\",\"default\":\"basic\"}";
  private static final String TIER = "{\"name\":\"tier\",\"type\":\"string\"}";

  private final List<RegisteredVersion> history =
      List.of(
          new RegisteredVersion(1, SchemaFormat.AVRO, record(ID)),
          new RegisteredVersion(2, SchemaFormat.AVRO, record(ID + "," + TIER_WITH_DEFAULT)));

  @Test
  void shouldCheckOnlyTheLatestVersionAtANonTransitiveLevel() {
    Decision decision =
        review.review(
            new ProposedSchema(
                "customers",
                SchemaFormat.AVRO,
                record(ID + "," + TIER),
                CompatibilityLevel.BACKWARD),
            history);
    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void shouldCheckEveryVersionAtATransitiveLevelAndNameThePathAndFix() {
    Decision decision =
        review.review(
            new ProposedSchema(
                "customers",
                SchemaFormat.AVRO,
                record(ID + "," + TIER),
                CompatibilityLevel.BACKWARD_TRANSITIVE),
            history);
    assertThat(decision).isInstanceOf(Decision.Denied.class);
    Decision.Denied denied = (Decision.Denied) decision;
    assertThat(denied.reason()).isEqualTo(DenialReason.INCOMPATIBLE);
    assertThat(denied.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.breaking()).isTrue());
    assertThat(denied.message())
        .startsWith(
            "schema for subject \"customers\" is not BACKWARD_TRANSITIVE compatible with versions"
                + " 1-2")
        .contains("/fields/tier")
        .contains("(fix: ");
  }

  @Test
  void shouldDenyARemovedRequiredJsonPropertyUnderForward() {
    String v1 =
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
            + "\"email\":{\"type\":\"string\"}},\"required\":[\"id\",\"email\"],"
            + "\"additionalProperties\":false}";
    String v2 =
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},"
            + "\"required\":[\"id\"],\"additionalProperties\":false}";
    Decision decision =
        review.review(
            new ProposedSchema("users", SchemaFormat.JSON, v2, CompatibilityLevel.FORWARD),
            List.of(new RegisteredVersion(1, SchemaFormat.JSON, v1)));
    assertThat(decision.allowed()).isFalse();
    assertThat(((Decision.Denied) decision).message()).contains("email");
  }

  @Test
  void shouldAllowAnyChangeUnderNoneWithAWarning() {
    Decision decision =
        review.review(
            new ProposedSchema(
                "customers", SchemaFormat.AVRO, record(TIER), CompatibilityLevel.NONE),
            history);
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.warnings()).singleElement().asString().contains("NONE");
  }
}
