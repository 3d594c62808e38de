package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confluent data contracts over HTTP against a real PostgreSQL: metadata and ruleSet stored,
 * returned, part of identity; config defaults/overrides; {@code compatibilityLevel} in updates;
 * {@code GET /subjects/{s}/metadata} and {@code GET /schemas}.
 */
class DataContractApiTest {
  private static final AtomicInteger SUBJECTS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String METADATA =
      "{\"properties\":{\"owner\":\"team-a\",\"tier\":\"gold\"},"
          + "\"tags\":{\"Order.f0\":[\"PII\"]},\"sensitive\":[\"f0\"]}";
  private static final String RULE_SET =
      "{\"domainRules\":[{\"name\":\"f0_positive\",\"kind\":\"CONDITION\",\"mode\":\"WRITE\","
          + "\"type\":\"CEL\",\"expr\":\"message.f0 > 0\",\"onFailure\":\"ERROR\"}]}";
  private static RunningRegistry registry;
  private static Http http;

  @BeforeAll
  static void start() {
    registry = RegistryConfig.forTests().database(SharedPostgres.database()).start();
    http = new Http(registry.url());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static String subject() {
    return "contract-" + SUBJECTS.incrementAndGet() + "-" + System.nanoTime();
  }

  private static JsonNode register(String subject, String schema, String... extra) {
    Http.Response response =
        http.post("/subjects/" + subject + "/versions", Http.body(schema, extra));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode tree(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  @Test
  void shouldStoreAndReturnMetadataAndRuleSetEverywhere() {
    String subject = subject();
    String schema = Schemas.avroRecord("Order", 1);
    JsonNode registered =
        register(subject, schema, "\"metadata\":" + METADATA, "\"ruleSet\":" + RULE_SET);
    int id = registered.get("id").asInt();
    assertThat(registered.get("version").asInt()).isEqualTo(1);
    assertThat(registered.get("metadata")).isEqualTo(tree(METADATA));
    assertThat(registered.get("ruleSet")).isEqualTo(tree(RULE_SET));

    for (String path :
        new String[] {
          "/subjects/" + subject + "/versions/1",
          "/subjects/" + subject + "/versions/latest",
          "/schemas/ids/" + id,
          "/subjects/" + subject + "/metadata?key=owner&value=team-a"
        }) {
      JsonNode body = http.get(path).json();
      assertThat(body.get("metadata")).as(path).isEqualTo(tree(METADATA));
      assertThat(body.get("ruleSet")).as(path).isEqualTo(tree(RULE_SET));
    }
    JsonNode lookedUp =
        http.post(
                "/subjects/" + subject,
                Http.body(schema, "\"metadata\":" + METADATA, "\"ruleSet\":" + RULE_SET))
            .json();
    assertThat(lookedUp.get("id").asInt()).isEqualTo(id);
    assertThat(lookedUp.get("ruleSet")).isEqualTo(tree(RULE_SET));
  }

  @Test
  void shouldGiveTheSameTextWithAnotherContractItsOwnIdAndKeepRepeatsIdempotent() {
    String schema = Schemas.avroRecord("Payment", 1);
    int bare = register(subject(), schema).get("id").asInt();
    String subject = subject();
    JsonNode withRules = register(subject, schema, "\"ruleSet\":" + RULE_SET);
    assertThat(withRules.get("id").asInt()).isNotEqualTo(bare);
    assertThat(register(subject(), schema, "\"ruleSet\":" + RULE_SET).get("id").asInt())
        .as("identical schema and ruleSet in another subject: the same id")
        .isEqualTo(withRules.get("id").asInt());

    // A serializer registering bare text keeps the subject's rules: same version, no new one.
    JsonNode again = register(subject, schema);
    assertThat(again.get("id").asInt()).isEqualTo(withRules.get("id").asInt());
    assertThat(again.get("version").asInt()).isEqualTo(1);
    assertThat(again.get("ruleSet")).isEqualTo(tree(RULE_SET));
    assertThat(http.get("/subjects/" + subject + "/versions").json()).hasSize(1);
    // Lookup without the ruleSet completes it from the latest version, as Confluent does.
    assertThat(http.post("/subjects/" + subject, Http.body(schema)).json().get("version").asInt())
        .isEqualTo(1);

    // The same text with new metadata is a new version of the subject.
    JsonNode v2 = register(subject, schema, "\"metadata\":" + METADATA);
    assertThat(v2.get("version").asInt()).isEqualTo(2);
    assertThat(v2.get("ruleSet"))
        .as("ruleSet carried from the previous version")
        .isEqualTo(tree(RULE_SET));
  }

  @Test
  void shouldApplyConfigDefaultsAndOverrides() {
    String subject = subject();
    Http.Response put =
        http.put(
            "/config/" + subject,
            "{\"defaultMetadata\":{\"properties\":{\"owner\":\"default\",\"tier\":\"bronze\"}},"
                + "\"overrideMetadata\":{\"properties\":{\"tier\":\"gold\"}},"
                + "\"defaultRuleSet\":"
                + RULE_SET
                + "}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().has("compatibility")).isFalse();
    assertThat(put.json().get("defaultRuleSet")).isEqualTo(tree(RULE_SET));

    JsonNode registered =
        register(
            subject,
            Schemas.avroRecord("Order", 1),
            "\"metadata\":{\"properties\":{\"owner\":\"team-b\",\"tier\":\"silver\"}}");
    JsonNode properties = registered.get("metadata").get("properties");
    assertThat(properties.get("owner").asText()).as("specific beats default").isEqualTo("team-b");
    assertThat(properties.get("tier").asText()).as("override beats specific").isEqualTo("gold");
    assertThat(registered.get("ruleSet")).isEqualTo(tree(RULE_SET));

    JsonNode config = http.get("/config/" + subject).json();
    assertThat(config.get("overrideMetadata").get("properties").get("tier").asText())
        .isEqualTo("gold");
    assertThat(
            http.get("/config/" + subject + "?defaultToGlobal=true")
                .json()
                .get("compatibilityLevel")
                .asText())
        .isEqualTo("BACKWARD");
    assertThat(http.delete("/config/" + subject).json().get("defaultRuleSet"))
        .isEqualTo(tree(RULE_SET));
    assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
  }

  @Test
  void shouldHonourCompatibilityLevelInAnUpdateAndRefuseTwoDifferentLevels() {
    String subject = subject();
    Http.Response set = http.put("/config/" + subject, "{\"compatibilityLevel\":\"FULL\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("compatibility").asText()).isEqualTo("FULL");
    assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText())
        .isEqualTo("FULL");
    assertThat(
            http.put(
                    "/config/" + subject,
                    "{\"compatibility\":\"NONE\",\"compatibilityLevel\":\"none\"}")
                .status())
        .isEqualTo(200);
    Http.Response conflict =
        http.put(
            "/config/" + subject, "{\"compatibility\":\"NONE\",\"compatibilityLevel\":\"FULL\"}");
    assertThat(conflict.errorCode()).isEqualTo(42203);
    assertThat(conflict.body()).contains("compatibilityLevel");
    assertThat(http.put("/config/" + subject, "{\"compatibilityLevel\":\"SIDEWAYS\"}").errorCode())
        .isEqualTo(42203);
  }

  @Test
  void shouldRefuseBadRuleSetsAndMetadataNamingTheProblem() {
    String subject = subject();
    String schema = Schemas.avroRecord("Order", 1);
    String noType =
        "{\"domainRules\":[{\"name\":\"r1\",\"kind\":\"CONDITION\",\"expr\":\"true\"}]}";
    Http.Response missingType =
        http.post("/subjects/" + subject + "/versions", Http.body(schema, "\"ruleSet\":" + noType));
    assertThat(missingType.errorCode()).isEqualTo(42210);
    assertThat(missingType.body()).contains("r1").contains("type");

    String migrationInDomain =
        "{\"domainRules\":[{\"name\":\"m\",\"mode\":\"UPGRADE\",\"type\":\"JSONATA\"}]}";
    assertThat(
            http.post(
                    "/subjects/" + subject + "/versions",
                    Http.body(schema, "\"ruleSet\":" + migrationInDomain))
                .body())
        .contains("Domain rules can only be WRITE, READ, WRITEREAD");
    Http.Response badKind =
        http.post(
            "/subjects/" + subject + "/versions",
            Http.body(
                schema,
                "\"ruleSet\":{\"domainRules\":[{\"name\":\"k\",\"kind\":\"MAYBE\",\"type\":\"CEL\"}]}"));
    assertThat(badKind.errorCode()).isEqualTo(42210);
    assertThat(badKind.body()).contains("MAYBE");
    assertThat(
            http.post(
                    "/subjects/" + subject + "/versions",
                    Http.body(schema, "\"metadata\":[\"not\",\"an\",\"object\"]"))
                .errorCode())
        .isEqualTo(42210);
    // Odd shapes and nulls inside lists: the field and what it takes, never a Java class name.
    for (String[] bad :
        new String[][] {
          {"\"metadata\":{\"sensitive\":\"ssn\"}", "sensitive", "a list of strings"},
          {"\"metadata\":{\"sensitive\":[null]}", "sensitive", "null"},
          {"\"metadata\":{\"tags\":{\"a\":\"PII\"}}", "tags.a", "string lists"},
          {"\"metadata\":{\"properties\":{\"d\":{\"x\":1}}}", "properties.d", "object of"},
          {"\"ruleSet\":{\"domainRules\":[null]}", "ruleSet", "null"},
          {"\"ruleSet\":{\"domainRules\":{\"name\":\"x\"}}", "domainRules", "rule objects"}
        }) {
      Http.Response refused =
          http.post("/subjects/" + subject + "/versions", Http.body(schema, bad[0]));
      assertThat(refused.errorCode()).as(bad[0]).isEqualTo(42210);
      assertThat(refused.body())
          .as(bad[0])
          .contains(bad[1])
          .contains(bad[2])
          .doesNotContain("java.")
          .doesNotContain("dev.schemagate")
          .doesNotContain("Exception");
    }
    assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
  }

  @Test
  void shouldListSchemasWithFiltersAndFindVersionsByMetadata() {
    String prefix = "list-" + System.nanoTime() + "-";
    register(
        prefix + "a",
        Schemas.avroRecord("A", 1),
        "\"metadata\":{\"properties\":{\"stage\":\"one\"}}");
    register(
        prefix + "a",
        Schemas.avroRecord("A", 2),
        "\"metadata\":{\"properties\":{\"stage\":\"two\"}}");
    register(prefix + "b", Schemas.avroRecord("B", 1), "\"ruleSet\":" + RULE_SET);
    http.delete("/subjects/" + prefix + "b/versions/1");

    JsonNode all = http.get("/schemas?subjectPrefix=" + prefix).json();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("subject").asText()).isEqualTo(prefix + "a");
    assertThat(all.get(1).get("version").asInt()).isEqualTo(2);
    assertThat(http.get("/schemas?subjectPrefix=" + prefix + "&deleted=true").json()).hasSize(3);
    JsonNode latest =
        http.get("/schemas?subjectPrefix=" + prefix + "&latestOnly=true&deleted=true").json();
    assertThat(latest).hasSize(2);
    assertThat(latest.get(0).get("version").asInt()).isEqualTo(2);
    JsonNode page =
        http.get("/schemas?subjectPrefix=" + prefix + "&deleted=true&offset=1&limit=1").json();
    assertThat(page).hasSize(1);
    assertThat(page.get(0).get("version").asInt()).isEqualTo(2);
    JsonNode cel =
        http.get("/schemas?subjectPrefix=" + prefix + "&deleted=true&ruleType=CEL").json();
    assertThat(cel).hasSize(1);
    assertThat(cel.get(0).get("subject").asText()).isEqualTo(prefix + "b");
    assertThat(http.get("/schemas?offset=-1").status()).isEqualTo(400);
    assertThat(http.get("/schemas?limit=many").body()).contains("limit");

    assertThat(
            http.get("/subjects/" + prefix + "a/metadata?key=stage&value=one")
                .json()
                .get("version")
                .asInt())
        .isEqualTo(1);
    assertThat(http.get("/subjects/" + prefix + "a/metadata").json().get("version").asInt())
        .isEqualTo(2);
    assertThat(http.get("/subjects/" + prefix + "a/metadata?key=stage&value=three").errorCode())
        .isEqualTo(40403);
    assertThat(http.get("/subjects/" + prefix + "nobody/metadata").errorCode()).isEqualTo(40401);
  }
}
