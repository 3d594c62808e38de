package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confluent behaviours beyond the basic API, over HTTP against a real PostgreSQL: config writes
 * refused in read-only modes, config keys the registry does not implement refused by name, and
 * {@code GET /schemas} returning every row's references from its batched read.
 */
class ConfluentParityTest {
  private static final AtomicInteger SUBJECTS = new AtomicInteger();
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
    return "parity-" + SUBJECTS.incrementAndGet() + "-" + System.nanoTime();
  }

  @Test
  void shouldRefuseConfigChangesOfASubjectInReadOnlyModesButLetTheModeChange() {
    for (String mode : new String[] {"READONLY", "READONLY_OVERRIDE"}) {
      String subject = subject();
      assertThat(http.put("/config/" + subject, "{\"compatibility\":\"FULL\"}").status())
          .isEqualTo(200);
      assertThat(http.put("/mode/" + subject, "{\"mode\":\"" + mode + "\"}").status())
          .isEqualTo(200);

      Http.Response update = http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
      assertThat(update.status()).as(mode).isEqualTo(422);
      assertThat(update.errorCode()).isEqualTo(42205);
      assertThat(update.body()).contains(subject).contains(mode);
      Http.Response delete = http.delete("/config/" + subject);
      assertThat(delete.status()).as(mode).isEqualTo(422);
      assertThat(delete.errorCode()).isEqualTo(42205);
      assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText())
          .isEqualTo("FULL");

      // the mode is what gets a subject out of read-only, so it stays writable
      assertThat(http.put("/mode/" + subject, "{\"mode\":\"READWRITE\"}").status()).isEqualTo(200);
      assertThat(http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}").status())
          .isEqualTo(200);
    }
  }

  @Test
  void shouldRefuseConfigChangesOfASubjectWhenTheGlobalModeIsReadOnly() {
    String subject = subject();
    assertThat(http.put("/mode", "{\"mode\":\"READONLY\"}").status()).isEqualTo(200);
    try {
      Http.Response update = http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}");
      assertThat(update.status()).isEqualTo(422);
      assertThat(update.errorCode()).isEqualTo(42205);
      Http.Response global = http.put("/config", "{\"compatibility\":\"NONE\"}");
      assertThat(global.status()).isEqualTo(422);
      assertThat(global.body()).contains("READONLY");
      assertThat(http.delete("/config").status()).isEqualTo(422);
      // a subject of its own in READWRITE stays writable, as its own mode wins
      assertThat(http.put("/mode/" + subject, "{\"mode\":\"READWRITE\"}").status()).isEqualTo(200);
      assertThat(http.put("/config/" + subject, "{\"compatibility\":\"NONE\"}").status())
          .isEqualTo(200);
    } finally {
      assertThat(http.put("/mode", "{\"mode\":\"READWRITE\"}").status()).isEqualTo(200);
    }
  }

  @Test
  void shouldListOnlySoftDeletedSubjectsAndVersionsWhenAskedDeletedOnlyAndPageListings() {
    String prefix = "parity-deleted-" + System.nanoTime() + "-";
    String live = prefix + "live";
    String gone = prefix + "gone";
    for (int fields = 1; fields <= 2; fields++) {
      assertThat(
              http.post(
                      "/subjects/" + live + "/versions",
                      Http.body(Schemas.avroRecord("Live", fields)))
                  .status())
          .isEqualTo(200);
    }
    assertThat(
            http.post("/subjects/" + gone + "/versions", Http.body(Schemas.avroRecord("Gone", 1)))
                .status())
        .isEqualTo(200);
    assertThat(http.delete("/subjects/" + live + "/versions/1").status()).isEqualTo(200);
    assertThat(http.delete("/subjects/" + gone).status()).isEqualTo(200);

    String subjects = "/subjects?subjectPrefix=" + prefix;
    assertThat(http.get(subjects + "&deletedOnly=true").body()).isEqualTo("[\"" + gone + "\"]");
    // Confluent's Python client spells it deleted_only
    assertThat(http.get(subjects + "&deleted_only=True&deleted=False").body())
        .isEqualTo("[\"" + gone + "\"]");
    assertThat(http.get(subjects).body()).isEqualTo("[\"" + live + "\"]");
    assertThat(http.get(subjects + "&deleted=true&offset=1&limit=1").body())
        .isEqualTo("[\"" + live + "\"]");
    assertThat(http.get(subjects + "&offset=0&limit=-1").body()).isEqualTo("[\"" + live + "\"]");
    assertThat(http.get("/subjects/" + live + "/versions?deletedOnly=true").body())
        .isEqualTo("[1]");
    assertThat(http.get("/subjects/" + live + "/versions?deleted=true&offset=1&limit=5").body())
        .isEqualTo("[2]");
    assertThat(http.get("/subjects/" + live + "/versions").body()).isEqualTo("[2]");
    Http.Response noneDeleted = http.get("/subjects/" + prefix + "other/versions?deletedOnly=true");
    assertThat(noneDeleted.errorCode()).isEqualTo(40401);
  }

  @Test
  void shouldListNoVersionsOfAnIdWhoseVersionsAreAllSoftDeletedAsConfluent() {
    String subject = subject();
    int id =
        http.post("/subjects/" + subject + "/versions", Http.body(Schemas.avroRecord("Soft", 2)))
            .json()
            .get("id")
            .asInt();
    assertThat(http.delete("/subjects/" + subject).status()).isEqualTo(200);
    // Confluent: the id exists, so an empty list, not 40403 (that is for unknown ids).
    assertThat(http.get("/schemas/ids/" + id + "/versions").body()).isEqualTo("[]");
    assertThat(http.get("/schemas/ids/" + id + "/subjects").body()).isEqualTo("[]");
    assertThat(http.get("/schemas/ids/" + id + "/subjects?deleted=true").body())
        .isEqualTo("[\"" + subject + "\"]");
    assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    assertThat(http.get("/schemas/ids/2147483000/versions").errorCode()).isEqualTo(40403);
    assertThat(http.delete("/subjects/" + subject + "?permanent=true").status()).isEqualTo(200);
    assertThat(http.get("/schemas/ids/" + id + "/versions").errorCode()).isEqualTo(40403);
  }

  @Test
  void shouldAnswerARepeatedImportWithTheContractItStored() {
    String subject = subject();
    assertThat(http.put("/mode/" + subject, "{\"mode\":\"IMPORT\"}").status()).isEqualTo(200);
    String body =
        Http.body(
            Schemas.avroRecord("Imported", 1),
            "\"id\":" + (700_000_000 + (int) (System.nanoTime() % 1_000_000)),
            "\"version\":1",
            "\"metadata\":{\"properties\":{\"owner\":\"team-a\"}}");
    Http.Response first = http.post("/subjects/" + subject + "/versions", body);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Http.Response again = http.post("/subjects/" + subject + "/versions", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("metadata")).isEqualTo(first.json().get("metadata"));
    assertThat(http.get("/schemas/ids/" + first.json().get("id").asInt()).json().get("metadata"))
        .isEqualTo(again.json().get("metadata"));
    assertThat(http.put("/mode/" + subject, "{\"mode\":\"READWRITE\"}").status()).isEqualTo(200);
  }

  @Test
  void shouldRefuseConfigKeysItDoesNotImplementNamingTheKey() {
    String subject = subject();
    for (String body :
        new String[] {
          "{\"compatibility\":\"FULL\",\"normalize\":true}",
          "{\"compatibility\":\"FULL\",\"validateFields\":true}",
          "{\"compatibility\":\"FULL\",\"validateFields\":false}",
          "{\"compatibility\":\"FULL\",\"compatibilityGroup\":\"app.version\"}"
        }) {
      Http.Response response = http.put("/config/" + subject, body);
      assertThat(response.status()).as(body).isEqualTo(422);
      assertThat(response.errorCode()).as(body).isEqualTo(42203);
      String key = body.split(",")[1].split("\"")[1];
      assertThat(response.body()).as(body).contains("\\\"" + key + "\\\"");
      assertThat(http.put("/config", body).status()).as(body).isEqualTo(422);
    }
    assertThat(http.get("/config/" + subject).status()).isEqualTo(404); // nothing was stored

    // normalize false is what the registry does anyway; null keys are absent keys
    assertThat(
            http.put(
                    "/config/" + subject,
                    "{\"compatibility\":\"FULL\",\"normalize\":false,\"validateFields\":null,"
                        + "\"compatibilityGroup\":null}")
                .status())
        .isEqualTo(200);
    assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText())
        .isEqualTo("FULL");
  }

  @Test
  void shouldListSchemasWithTheReferencesOfEveryRow() {
    String prefix = subject();
    String addressSubject = prefix + "-address";
    String address =
        "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"ref\",\"fields\":"
            + "[{\"name\":\"street\",\"type\":\"string\"}]}";
    assertThat(http.post("/subjects/" + addressSubject + "/versions", Http.body(address)).status())
        .isEqualTo(200);
    List<String> referencing = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String subject = prefix + "-person-" + i;
      String person =
          "{\"type\":\"record\",\"name\":\"Person"
              + i
              + "\",\"namespace\":\"ref\",\"fields\":[{\"name\":\"home\",\"type\":\"ref.Address\"}]}";
      String reference =
          "\"references\":[{\"name\":\"ref.Address\",\"subject\":\""
              + addressSubject
              + "\",\"version\":1}]";
      Http.Response r =
          http.post("/subjects/" + subject + "/versions", Http.body(person, reference));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      referencing.add(subject);
    }

    JsonNode listed = http.get("/schemas?subjectPrefix=" + prefix).json();
    assertThat(listed).hasSize(4);
    for (JsonNode row : listed) {
      String subject = row.get("subject").asText();
      if (subject.equals(addressSubject)) {
        assertThat(row.has("references")).as(subject).isFalse();
      } else {
        assertThat(referencing).contains(subject);
        assertThat(row.get("references")).as(subject).hasSize(1);
        assertThat(row.get("references").get(0).get("subject").asText()).isEqualTo(addressSubject);
        assertThat(row.get("references").get(0).get("version").asInt()).isEqualTo(1);
      }
    }
  }

  private static String confluentVersion(JsonNode body) {
    return body.at("/metadata/properties/confluent:version").asText();
  }

  @Test
  void shouldStampConfluentVersionAndRefuseARegistrationNamingAStaleVersion() {
    String subject = subject();
    String path = "/subjects/" + subject + "/versions";
    Http.Response first =
        http.post(path, Http.body(Schemas.avroRecord("Stamp", 1), "\"version\":1"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("version").asInt()).isEqualTo(1);
    assertThat(confluentVersion(first.json())).isEqualTo("1");
    assertThat(confluentVersion(http.get(path + "/latest").json())).isEqualTo("1");

    // a writer that read version 1 and names it again lost the race: refused, nothing stored
    Http.Response stale =
        http.post(path, Http.body(Schemas.avroRecord("Stamp", 2), "\"version\":1"));
    assertThat(stale.status()).as(stale.body()).isEqualTo(422);
    assertThat(stale.errorCode()).isEqualTo(42201);
    assertThat(stale.body()).contains("not one more than previous version");
    assertThat(http.get(path).body()).isEqualTo("[1]");

    Http.Response second =
        http.post(path, Http.body(Schemas.avroRecord("Stamp", 2), "\"version\":2"));
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().get("version").asInt()).isEqualTo(2);
    assertThat(confluentVersion(second.json())).isEqualTo("2");

    // once present the stamp follows the version, also without a version in the request
    Http.Response third = http.post(path, Http.body(Schemas.avroRecord("Stamp", 3)));
    assertThat(third.status()).as(third.body()).isEqualTo(200);
    assertThat(third.json().get("version").asInt()).isEqualTo(3);
    assertThat(confluentVersion(http.get(path + "/3").json())).isEqualTo("3");
    assertThat(confluentVersion(http.get(path + "/1").json())).isEqualTo("1");

    // the stamp is not identity: the same schema again is the same version, whatever it carries
    Http.Response again = http.post(path, Http.body(Schemas.avroRecord("Stamp", 3)));
    assertThat(again.json().get("id").asInt()).isEqualTo(third.json().get("id").asInt());
    assertThat(again.json().get("version").asInt()).isEqualTo(3);
    assertThat(http.get(path).body()).isEqualTo("[1,2,3]");
    Http.Response lookup =
        http.post(
            "/subjects/" + subject,
            Http.body(
                Schemas.avroRecord("Stamp", 2),
                "\"metadata\":{\"properties\":{\"confluent:version\":\"7\"}}"));
    assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
    assertThat(lookup.json().get("version").asInt()).isEqualTo(2);

    // an explicit id still needs IMPORT mode
    Http.Response withId =
        http.post(path, Http.body(Schemas.avroRecord("Stamp", 4), "\"id\":4242"));
    assertThat(withId.status()).isEqualTo(422);
    assertThat(withId.errorCode()).isEqualTo(42205);
  }
}
