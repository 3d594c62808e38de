package dev.schemagate.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Confluent endpoint over HTTP against a real PostgreSQL, happy paths and error codes. */
class ConfluentApiTest {
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
    return "api-" + SUBJECTS.incrementAndGet() + "-" + System.nanoTime();
  }

  private static int register(String subject, String schema, String... extra) {
    Http.Response response =
        http.post("/subjects/" + subject + "/versions", Http.body(schema, extra));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("id").asInt();
  }

  @Test
  void shouldRegisterAndServeAvroWithoutSchemaTypeAndJsonWithIt() {
    String subject = subject();
    String avro = Schemas.avroRecord("Order", 1);
    int id = register(subject, avro);

    JsonNode version = http.get("/subjects/" + subject + "/versions/1").json();
    assertThat(version.get("subject").asText()).isEqualTo(subject);
    assertThat(version.get("version").asInt()).isEqualTo(1);
    assertThat(version.get("id").asInt()).isEqualTo(id);
    assertThat(version.get("schema").asText()).isEqualTo(avro);
    assertThat(version.has("schemaType")).isFalse();
    assertThat(http.get("/subjects/" + subject + "/versions/latest").json()).isEqualTo(version);
    assertThat(http.get("/subjects/" + subject + "/versions/-1").json()).isEqualTo(version);
    assertThat(http.get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo(avro);
    assertThat(http.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(avro);

    String jsonSubject = subject();
    int jsonId = register(jsonSubject, Schemas.JSON_OBJECT, "\"schemaType\":\"JSON\"");
    JsonNode byId = http.get("/schemas/ids/" + jsonId).json();
    assertThat(byId.get("schemaType").asText()).isEqualTo("JSON");
    assertThat(byId.get("schema").asText()).isEqualTo(Schemas.JSON_OBJECT);
    assertThat(http.get("/schemas/types").json())
        .extracting(JsonNode::asText)
        .containsExactly("AVRO", "JSON");
  }

  @Test
  void shouldGiveIdenticalContentOneIdAcrossSubjectsAndNoNewVersion() {
    String first = subject();
    String second = subject();
    String schema = Schemas.avroRecord("Shared", 2);
    int id = register(first, schema);
    String reformatted =
        "{ \"fields\": [ {\"type\":\"long\", \"name\":\"f0\"}, {\"default\":0,\"name\":\"f1\","
            + "\"type\":\"long\"} ],\n \"name\": \"Shared\", \"type\": \"record\" }";

    assertThat(register(first, reformatted)).isEqualTo(id);
    assertThat(register(first, schema)).isEqualTo(id);
    assertThat(http.get("/subjects/" + first + "/versions").body()).isEqualTo("[1]");
    assertThat(register(second, schema)).isEqualTo(id);
    assertThat(http.get("/schemas/ids/" + id + "/subjects").json())
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(first, second);
    assertThat(http.get("/schemas/ids/" + id + "/versions").json()).hasSize(2);
  }

  @Test
  void shouldStoreTheCanonicalFormWhenAskedToNormalize() throws Exception {
    String subject = subject();
    String messy = "{ \"type\" : \"record\", \"name\" : \"N\", \"fields\" : [ ] }";
    Http.Response response =
        http.post("/subjects/" + subject + "/versions?normalize=true", Http.body(messy));
    int id = response.json().get("id").asInt();
    String canonical =
        dev.schemagate.core.schema.Schemas.parse(SchemaFormat.AVRO, messy).canonicalForm();
    assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(canonical);
  }

  @Test
  void shouldLookUpRegisteredContentAndNameWhatIsMissing() {
    String subject = subject();
    String schema = Schemas.avroRecord("Lookup", 1);
    int id = register(subject, schema);

    JsonNode found = http.post("/subjects/" + subject, Http.body(schema)).json();
    assertThat(found.get("id").asInt()).isEqualTo(id);
    assertThat(found.get("version").asInt()).isEqualTo(1);
    assertThat(found.get("subject").asText()).isEqualTo(subject);

    Http.Response unknownSchema =
        http.post("/subjects/" + subject, Http.body(Schemas.avroRecord("Other", 1)));
    assertThat(unknownSchema.status()).isEqualTo(404);
    assertThat(unknownSchema.errorCode()).isEqualTo(40403);

    Http.Response unknownSubject = http.post("/subjects/" + subject() + "x", Http.body(schema));
    assertThat(unknownSubject.status()).isEqualTo(404);
    assertThat(unknownSubject.errorCode()).isEqualTo(40401);
    assertThat(unknownSubject.json().get("message").asText()).contains("not found");
  }

  @Test
  void shouldAnswerVersionErrorsWithConfluentCodes() {
    String subject = subject();
    register(subject, Schemas.avroRecord("V", 1));
    for (String bad : new String[] {"abc", "0", "-2", "1.5", "99999999999"}) {
      Http.Response response = http.get("/subjects/" + subject + "/versions/" + bad);
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.errorCode()).as(bad).isEqualTo(42202);
    }
    Http.Response missing = http.get("/subjects/" + subject + "/versions/7");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo(40402);
    Http.Response noSubject = http.get("/subjects/nope-" + subject + "/versions/1");
    assertThat(noSubject.errorCode()).isEqualTo(40401);
    assertThat(http.get("/subjects/nope-" + subject + "/versions").errorCode()).isEqualTo(40401);
    assertThat(http.get("/schemas/ids/987654").errorCode()).isEqualTo(40403);
    assertThat(http.get("/schemas/ids/abc").errorCode()).isEqualTo(40403);
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaWith409NamingTheField() {
    String subject = subject();
    register(subject, Schemas.avroRecord("C", 1));
    String breaking =
        "{\"type\":\"record\",\"name\":\"C\",\"fields\":[{\"name\":\"f0\",\"type\":\"long\"},"
            + "{\"name\":\"needed\",\"type\":\"string\"}]}";
    Http.Response refused = http.post("/subjects/" + subject + "/versions", Http.body(breaking));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo(409);
    assertThat(refused.json().get("message").asText()).contains("needed");
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");

    JsonNode verdict =
        http.post(
                "/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                Http.body(breaking))
            .json();
    assertThat(verdict.get("is_compatible").asBoolean()).isFalse();
    assertThat(verdict.get("messages").toString()).contains("needed");
    JsonNode ok =
        http.post(
                "/compatibility/subjects/" + subject + "/versions/1",
                Http.body(Schemas.avroRecord("C", 2)))
            .json();
    assertThat(ok.get("is_compatible").asBoolean()).isTrue();
    assertThat(ok.has("messages")).isFalse();
    JsonNode all =
        http.post("/compatibility/subjects/" + subject + "/versions", Http.body(breaking)).json();
    assertThat(all.get("is_compatible").asBoolean()).isFalse();
    assertThat(
            http.post(
                    "/compatibility/subjects/" + subject() + "/versions/latest",
                    Http.body(breaking))
                .json()
                .get("is_compatible")
                .asBoolean())
        .isTrue();
    assertThat(
            http.post("/compatibility/subjects/" + subject + "/versions/9", Http.body(breaking))
                .errorCode())
        .isEqualTo(40402);
  }

  @Test
  void shouldRefuseABreakingJsonSchemaChangeWithEachPathInTheMessage() {
    String subject = subject();
    register(subject, Schemas.JSON_OBJECT, "\"schemaType\":\"JSON\"");
    String breaking =
        "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
            + "\"properties\":{\"id\":{\"type\":\"string\"},\"amount\":{\"type\":\"number\"}},"
            + "\"required\":[\"id\",\"amount\"]}";
    Http.Response refused =
        http.post(
            "/subjects/" + subject + "/versions", Http.body(breaking, "\"schemaType\":\"JSON\""));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("message").asText()).contains("amount");
  }

  @Test
  void shouldKeepCompatibilityPerSubjectAndFallBackToGlobal() {
    String subject = subject();
    assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    Http.Response set = http.put("/config/" + subject, "{\"compatibility\":\"none\"}");
    assertThat(set.json().get("compatibility").asText()).isEqualTo("NONE");
    assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asText())
        .isEqualTo("NONE");

    String other = subject();
    assertThat(http.get("/config/" + other).errorCode()).isEqualTo(40408);
    assertThat(
            http.get("/config/" + other + "?defaultToGlobal=true")
                .json()
                .get("compatibilityLevel")
                .asText())
        .isEqualTo("BACKWARD");

    // NONE lets a breaking change through.
    register(subject, Schemas.avroRecord("Cfg", 1));
    register(
        subject,
        "{\"type\":\"record\",\"name\":\"Cfg\",\"fields\":[{\"name\":\"z\",\"type\":\"int\"}]}");

    Http.Response invalid = http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42203);
    assertThat(http.put("/config", "{}").errorCode()).isEqualTo(42203);

    assertThat(http.delete("/config/" + subject).json().get("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
    assertThat(http.delete("/config/" + subject).errorCode()).isEqualTo(40408);

    assertThat(http.put("/config", "{\"compatibility\":\"FULL\"}").status()).isEqualTo(200);
    assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(http.delete("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
  }

  @Test
  void shouldRefuseWritesInReadOnlyModeAndValidateModes() {
    String subject = subject();
    register(subject, Schemas.avroRecord("M", 1));
    assertThat(http.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
    assertThat(http.get("/mode/" + subject).errorCode()).isEqualTo(40409);
    assertThat(http.get("/mode/" + subject + "?defaultToGlobal=true").json().get("mode").asText())
        .isEqualTo("READWRITE");

    assertThat(http.put("/mode/" + subject, "{\"mode\":\"READONLY\"}").json().get("mode").asText())
        .isEqualTo("READONLY");
    Http.Response refused =
        http.post("/subjects/" + subject + "/versions", Http.body(Schemas.avroRecord("M", 2)));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo(42205);
    assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(42205);
    // Reads still work.
    assertThat(http.get("/subjects/" + subject + "/versions/latest").status()).isEqualTo(200);

    Http.Response invalid = http.put("/mode/" + subject, "{\"mode\":\"WRITEONLY\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42204);
    Http.Response importWithVersions = http.put("/mode/" + subject, "{\"mode\":\"IMPORT\"}");
    assertThat(importWithVersions.errorCode()).isEqualTo(42205);

    assertThat(http.delete("/mode/" + subject).json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(http.delete("/mode/" + subject).errorCode()).isEqualTo(40409);
    register(subject, Schemas.avroRecord("M", 2));
  }

  @Test
  void shouldImportWithExplicitIdAndVersionAndNeverHandThatIdOutAgain() {
    String subject = subject();
    assertThat(http.put("/mode/" + subject, "{\"mode\":\"IMPORT\"}").status()).isEqualTo(200);
    int importedId = 50_000 + SUBJECTS.incrementAndGet();
    String schema = Schemas.avroRecord("Imported" + importedId, 1);
    Http.Response imported =
        http.post(
            "/subjects/" + subject + "/versions",
            Http.body(schema, "\"id\":" + importedId, "\"version\":3"));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("id").asInt()).isEqualTo(importedId);
    JsonNode version = http.get("/subjects/" + subject + "/versions/3").json();
    assertThat(version.get("id").asInt()).isEqualTo(importedId);

    Http.Response clash =
        http.post(
            "/subjects/" + subject + "/versions",
            Http.body(Schemas.avroRecord("Different", 1), "\"id\":" + importedId));
    assertThat(clash.errorCode()).isEqualTo(42207);

    String readWrite = subject();
    Http.Response explicitIdOutsideImport =
        http.post(
            "/subjects/" + readWrite + "/versions",
            Http.body(Schemas.avroRecord("X", 1), "\"id\":" + (importedId + 1)));
    assertThat(explicitIdOutsideImport.errorCode()).isEqualTo(42205);
    assertThat(register(readWrite, Schemas.avroRecord("Fresh" + importedId, 1)))
        .isGreaterThan(importedId);
  }

  @Test
  void shouldSoftDeleteThenPermanentlyDeleteVersions() {
    String subject = subject();
    register(subject, Schemas.avroRecord("D", 1));
    register(subject, Schemas.avroRecord("D", 2));

    Http.Response permanentFirst =
        http.delete("/subjects/" + subject + "/versions/1?permanent=true");
    assertThat(permanentFirst.status()).isEqualTo(404);
    assertThat(permanentFirst.errorCode()).isEqualTo(40407);

    assertThat(http.delete("/subjects/" + subject + "/versions/1").body()).isEqualTo("1");
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[2]");
    String first = Http.body(Schemas.avroRecord("D", 1));
    assertThat(http.post("/subjects/" + subject, first).errorCode()).isEqualTo(40403);
    assertThat(
            http.post("/subjects/" + subject + "?deleted=true", first)
                .json()
                .get("version")
                .asInt())
        .isEqualTo(1);
    assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").body())
        .isEqualTo("[1,2]");
    assertThat(http.get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40402);
    assertThat(http.get("/subjects/" + subject + "/versions/1?deleted=true").status())
        .isEqualTo(200);
    assertThat(http.delete("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40406);
    assertThat(http.delete("/subjects/" + subject + "/versions/1?permanent=true").body())
        .isEqualTo("1");
    assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[2]");
    assertThat(http.delete("/subjects/" + subject + "/versions/5").errorCode()).isEqualTo(40402);
    assertThat(http.delete("/subjects/" + subject + "/versions/latest").body()).isEqualTo("2");
  }

  @Test
  void shouldSoftDeleteThenPermanentlyDeleteSubjectsAndNeverReuseIds() {
    String subject = subject();
    int first =
        register(subject, Schemas.avroRecord("Gone" + Integer.toHexString(subject.hashCode()), 1));
    register(subject, Schemas.avroRecord("Gone" + Integer.toHexString(subject.hashCode()), 2));

    assertThat(http.delete("/subjects/" + subject + "?permanent=true").errorCode())
        .isEqualTo(40405);
    assertThat(http.delete("/subjects/" + subject).body()).isEqualTo("[1,2]");
    assertThat(http.get("/subjects").json().toString()).doesNotContain(subject);
    assertThat(http.get("/subjects?deleted=true").json().toString()).contains(subject);
    assertThat(http.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
    assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40404);
    // A soft-deleted schema is still served by id: consumers may hold records written with it.
    assertThat(http.get("/schemas/ids/" + first).status()).isEqualTo(200);

    assertThat(http.delete("/subjects/" + subject + "?permanent=true").body()).isEqualTo("[1,2]");
    assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain(subject);
    assertThat(http.get("/schemas/ids/" + first).errorCode()).isEqualTo(40403);
    assertThat(http.delete("/subjects/" + subject).errorCode()).isEqualTo(40401);

    // Content-addressed: the same content comes back under its old id; new content never gets it.
    int newContent =
        register(subject, Schemas.avroRecord("New" + Integer.toHexString(subject.hashCode()), 1));
    assertThat(newContent).isGreaterThan(first);
    int sameContent =
        register(
            subject + "-again",
            Schemas.avroRecord("Gone" + Integer.toHexString(subject.hashCode()), 1));
    assertThat(sameContent).isEqualTo(first);
    assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
  }

  @Test
  void shouldResolveReferencesAndRefuseToDeleteWhatIsReferenced() {
    String addressSubject = subject();
    String address =
        "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"ref\",\"fields\":"
            + "[{\"name\":\"street\",\"type\":\"string\"}]}";
    register(addressSubject, address);
    String personSubject = subject();
    String person =
        "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"ref\",\"fields\":"
            + "[{\"name\":\"home\",\"type\":\"ref.Address\"}]}";
    String reference =
        "\"references\":[{\"name\":\"ref.Address\",\"subject\":\""
            + addressSubject
            + "\",\"version\":1}]";
    int personId = register(personSubject, person, reference);

    JsonNode version = http.get("/subjects/" + personSubject + "/versions/1").json();
    assertThat(version.get("references").get(0).get("subject").asText()).isEqualTo(addressSubject);
    assertThat(http.get("/schemas/ids/" + personId).json().get("references")).hasSize(1);
    assertThat(http.get("/subjects/" + addressSubject + "/versions/1/referencedby").json())
        .extracting(JsonNode::asInt)
        .containsExactly(personId);
    assertThat(http.post("/subjects/" + personSubject, Http.body(person, reference)).status())
        .isEqualTo(200);

    Http.Response referenced = http.delete("/subjects/" + addressSubject + "/versions/1");
    assertThat(referenced.status()).isEqualTo(422);
    assertThat(referenced.errorCode()).isEqualTo(42206);

    Http.Response dangling =
        http.post(
            "/subjects/" + subject() + "/versions",
            Http.body(
                person,
                "\"references\":[{\"name\":\"ref.Address\",\"subject\":\"nowhere\",\"version\":1}]"));
    assertThat(dangling.errorCode()).isEqualTo(42201);
    assertThat(dangling.json().get("message").asText()).contains("nowhere");
  }

  @Test
  void shouldRegisterJsonSchemaWithAReferenceToAnotherSubject() {
    String addressSubject = subject();
    String address = "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"}}}";
    register(addressSubject, address, "\"schemaType\":\"JSON\"");
    String order = "{\"type\":\"object\",\"properties\":{\"ship_to\":{\"$ref\":\"address.json\"}}}";
    String reference =
        "\"references\":[{\"name\":\"address.json\",\"subject\":\""
            + addressSubject
            + "\",\"version\":1}]";
    String orderSubject = subject();
    int id = register(orderSubject, order, "\"schemaType\":\"JSON\"", reference);
    JsonNode byId = http.get("/schemas/ids/" + id).json();
    assertThat(byId.get("schemaType").asText()).isEqualTo("JSON");
    assertThat(byId.get("references").get(0).get("name").asText()).isEqualTo("address.json");
    // The same text without the reference is different content.
    int unresolved = register(subject(), order, "\"schemaType\":\"JSON\"");
    assertThat(unresolved).isNotEqualTo(id);
    assertThat(register(orderSubject, order, "\"schemaType\":\"JSON\"", reference)).isEqualTo(id);
  }

  @Test
  void shouldServeSchemasByFingerprint() throws Exception {
    String subject = subject();
    String schema = Schemas.avroRecord("Fp" + Integer.toHexString(subject.hashCode()), 1);
    int id = register(subject, schema);
    String fingerprint =
        dev.schemagate.core.schema.Schemas.parse(SchemaFormat.AVRO, schema).fingerprint().value();

    JsonNode found = http.get("/schemas/fingerprint/" + fingerprint).json();
    assertThat(found.get("id").asInt()).isEqualTo(id);
    assertThat(found.get("fingerprint").asText()).isEqualTo(fingerprint);
    assertThat(
            http.get("/schemas/fingerprint/" + fingerprint.substring(7)).json().get("id").asInt())
        .isEqualTo(id);
    assertThat(http.get("/schemas/fingerprint/sha256:" + "0".repeat(64)).errorCode())
        .isEqualTo(40403);
    assertThat(http.get("/schemas/fingerprint/md5:abc").status()).isEqualTo(400);
  }

  @Test
  void shouldAcceptEveryConfluentContentType() {
    for (String type :
        new String[] {
          "application/json", "application/vnd.schemaregistry+json", Http.CONTENT_TYPE
        }) {
      Http.Response response =
          http.post(
              "/subjects/" + subject() + "/versions", Http.body(Schemas.avroRecord("Ct", 1)), type);
      assertThat(response.status()).as(type).isEqualTo(200);
      assertThat(response.contentType()).startsWith(Http.CONTENT_TYPE);
    }
  }

  @Test
  void shouldAnswerBadInputWithAClientErrorAndAConfluentBody() {
    String path = "/subjects/" + subject() + "/versions";
    assertError(http.post(path, "{\"schema\": "), 400, 400);
    assertError(http.post(path, ""), 400, 400);
    assertError(http.post(path, "[1,2]"), 400, 400);
    assertError(http.post(path, "{}"), 422, 42201);
    assertError(http.post(path, "{\"schema\": 42}"), 422, 42201);
    assertError(http.post(path, Http.body("{\"type\":\"record\",\"name\":\"R\"}")), 422, 42201);
    assertError(http.post(path, Http.body("not a schema at all")), 422, 42201);
    Http.Response unknownType =
        http.post(path, Http.body(Schemas.avroRecord("U", 1), "\"schemaType\":\"THRIFT\""));
    assertError(unknownType, 422, 42201);
    assertThat(unknownType.json().get("message").asText()).contains("THRIFT");
    assertError(
        http.post(path, Http.body(Schemas.avroRecord("U", 1), "\"references\":\"nope\"")),
        422,
        42201);
    assertError(http.postBytes(path, new byte[10 * 1024 * 1024]), 413, 413);
    assertError(
        http.post("/subjects/bad%01subject/versions", Http.body(Schemas.avroRecord("U", 1))),
        422,
        42208);
    assertError(http.get("/no/such/endpoint"), 404, 404);
    assertError(http.delete("/schemas/types"), 405, 405);
    assertError(
        http.post(path, Http.body(Schemas.avroRecord("U", 1), "\"version\":\"x\"")), 400, 400);
  }

  @Test
  void shouldAnswerRequestsJettyRefusesBeforeRoutingWithAConfluentBody() throws Exception {
    java.net.URI uri = java.net.URI.create(registry.url());
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket
          .getOutputStream()
          .write(
              "GET /subjects/%zz/versions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String response =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 400");
      assertThat(response).contains(Http.CONTENT_TYPE).contains("\"error_code\":400");
    }
  }

  private static void assertError(Http.Response response, int status, int errorCode) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.errorCode()).as(response.body()).isEqualTo(errorCode);
    assertThat(response.json().get("message").asText())
        .isNotBlank()
        .doesNotContain("Exception\n\tat");
  }

  @Test
  void shouldReportHealthReadinessAndMetrics() {
    assertThat(http.get("/healthz").status()).isEqualTo(200);
    assertThat(http.get("/readyz").json().get("database").asText()).isEqualTo("UP");
    http.get("/schemas/types");
    http.get("/no/such/path-" + System.nanoTime());
    String metrics = http.get("/metrics").body();
    assertThat(metrics).doesNotContain("/no/such/path");
    assertThat(metrics)
        .contains("schemagate_http_requests_seconds_bucket")
        .contains("route=\"/schemas/types\"")
        .contains("schemagate_cache_lookups_total")
        .contains("schemagate_db_errors_total");
    assertThat(http.get("/").status()).isEqualTo(200);
    assertThat(http.get("/contexts").status()).isEqualTo(200);
  }
}
