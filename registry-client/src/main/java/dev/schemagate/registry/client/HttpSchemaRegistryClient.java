package dev.schemagate.registry.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.client.ConfluentBodies.CompatibilityAnswer;
import dev.schemagate.registry.client.ConfluentBodies.ConfigAnswer;
import dev.schemagate.registry.client.ConfluentBodies.ConfigRequest;
import dev.schemagate.registry.client.ConfluentBodies.IdAnswer;
import dev.schemagate.registry.client.ConfluentBodies.SchemaAnswer;
import dev.schemagate.registry.client.ConfluentBodies.SchemaRequest;
import dev.schemagate.registry.client.RegistryException.Reason;
import dev.schemagate.registry.client.RegistryTransport.Response;
import dev.schemagate.registry.client.checkpoint.CheckpointClient;
import dev.schemagate.registry.client.lineage.LineageClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the JDK HTTP client. Immutable answers (schema by id, a
 * subject's version, an id for registered content) are cached without expiry; "latest" is cached
 * for {@code latestTtl}, then revalidated with {@code If-None-Match} when the server sent an ETag,
 * and served stale while the registry is unavailable.
 *
 * <p>Over 400 lines because it is the one place each typed Confluent call meets its cache entry and
 * the shared error mapping; calls that carry untyped JSON documents live in {@link
 * HttpContractCalls} (data contracts, checkpoints) and {@link HttpLineageClient}.
 */
final class HttpSchemaRegistryClient implements SchemaRegistryClient {
  private static final Logger log = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {};

  private record Registration(String subject, SchemaSubmission schema, boolean normalize) {}

  private record SubjectContent(String subject, SchemaSubmission schema) {}

  private record SubjectVersion(String subject, int version) {}

  private record Latest(RegisteredSchema schema, Optional<String> etag, long fetchedAtNanos) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final RegistryTransport transport;
  private final LineageClient lineage;
  private final HttpContractCalls contracts;
  private final HttpDriftCalls drift;
  private final long latestTtlNanos;
  private final Cache<Integer, SchemaSubmission> schemasById;
  private final Cache<Registration, RegisteredVersion> registeredIds;
  private final Cache<SubjectContent, RegisteredSchema> lookups;
  private final Cache<SubjectVersion, RegisteredSchema> subjectVersions;
  private final Cache<String, Latest> latestBySubject;

  /**
   * Subjects some cache above may hold entries of, so that forgetting one scans the caches only
   * when it can find something. Grows with the subjects this client has seen, a few bytes each.
   */
  private final Set<String> subjectsCached = ConcurrentHashMap.newKeySet();

  HttpSchemaRegistryClient(List<java.net.URI> urls, ClientSettings settings) {
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    settings.ssl().ifPresent(client::sslContext);
    this.http = client.build();
    this.transport = new RegistryTransport(urls, http, settings);
    this.lineage = new HttpLineageClient(transport, json);
    this.contracts = new HttpContractCalls(transport, json);
    this.drift = new HttpDriftCalls(contracts);
    this.latestTtlNanos = settings.latestTtl().toNanos();
    this.schemasById = cache(settings);
    this.registeredIds = cache(settings);
    this.lookups = cache(settings);
    this.subjectVersions = cache(settings);
    this.latestBySubject = cache(settings);
  }

  private static <K, V> Cache<K, V> cache(ClientSettings settings) {
    return Caffeine.newBuilder().maximumSize(settings.cacheCapacity()).build();
  }

  @Override
  public RegisteredVersion registerVersion(
      String subject, SchemaSubmission schema, boolean normalize) throws RegistryException {
    var key = new Registration(subject, schema, normalize);
    RegisteredVersion cached = registeredIds.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    String what = "register a schema under subject '%s'".formatted(subject);
    Response response =
        transport.send(
            "POST",
            "subjects/" + segment(subject) + "/versions" + (normalize ? "?normalize=true" : ""),
            body(SchemaRequest.of(schema)),
            Map.of());
    requireSuccess(what, response);
    IdAnswer answer = read(what, response, IdAnswer.class);
    if (answer.id() == null) {
      throw malformed(what, response, "no 'id' in the answer");
    }
    var registered =
        new RegisteredVersion(answer.id(), answer.version() == null ? 0 : answer.version());
    remember(subject);
    registeredIds.put(key, registered);
    latestBySubject.invalidate(subject);
    return registered;
  }

  @Override
  public int registerWithId(String subject, SchemaSubmission schema, int id)
      throws RegistryException {
    String what = "register a schema with id %d under subject '%s'".formatted(id, subject);
    Response response =
        transport.send(
            "POST",
            "subjects/" + segment(subject) + "/versions",
            body(ConfluentBodies.SchemaWithIdRequest.of(schema, id)),
            Map.of());
    requireSuccess(what, response);
    Integer kept = read(what, response, IdAnswer.class).id();
    if (kept == null) {
      throw malformed(what, response, "no 'id' in the answer");
    }
    latestBySubject.invalidate(subject);
    return kept;
  }

  @Override
  public RegistryMode mode(String subject) throws RegistryException {
    String what = "read the mode of subject '%s'".formatted(subject);
    Response response =
        transport.send(
            "GET", "mode/" + segment(subject) + "?defaultToGlobal=true", new byte[0], Map.of());
    if (isNotFound(response)) {
      response = transport.send("GET", "mode", new byte[0], Map.of());
    }
    requireSuccess(what, response);
    String mode = read(what, response, ConfluentBodies.ModeAnswer.class).mode();
    Response answered = response;
    return RegistryMode.parse(mode)
        .orElseThrow(() -> malformed(what, answered, "unknown mode " + mode));
  }

  @Override
  public Optional<ContractVersion> latestWithContract(String subject) throws RegistryException {
    return contracts.latestWithContract(subject);
  }

  @Override
  public RegisteredVersion registerWithContract(
      String subject, SchemaSubmission schema, DataContractFields contract)
      throws RegistryException {
    RegisteredVersion registration = contracts.registerWithContract(subject, schema, contract);
    latestBySubject.invalidate(subject);
    return registration;
  }

  @Override
  public CheckpointClient checkpoints() {
    return contracts;
  }

  @Override
  public dev.schemagate.registry.client.drift.DriftClient drift() {
    return drift;
  }

  @Override
  public LineageClient lineage() {
    return lineage;
  }

  @Override
  public Optional<RegisteredSchema> lookup(String subject, SchemaSubmission schema)
      throws RegistryException {
    var key = new SubjectContent(subject, schema);
    RegisteredSchema cached = lookups.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    String what = "look up a schema under subject '%s'".formatted(subject);
    Response response =
        transport.send(
            "POST", "subjects/" + segment(subject), body(SchemaRequest.of(schema)), Map.of());
    if (isNotFound(response)) {
      return Optional.empty();
    }
    requireSuccess(what, response);
    RegisteredSchema found = toRegistered(what, subject, response);
    remember(subject);
    lookups.put(key, found);
    return Optional.of(found);
  }

  @Override
  public List<String> subjects() throws RegistryException {
    String what = "list subjects";
    Response response = transport.send("GET", "subjects", new byte[0], Map.of());
    requireSuccess(what, response);
    return List.copyOf(read(what, response, STRINGS));
  }

  @Override
  public List<Integer> versions(String subject) throws RegistryException {
    String what = "list the versions of subject '%s'".formatted(subject);
    Response response =
        transport.send("GET", "subjects/" + segment(subject) + "/versions", new byte[0], Map.of());
    if (isNotFound(response)) {
      forget(subject); // deleted out of band: what we remember of it is stale
      return List.of();
    }
    requireSuccess(what, response);
    return List.copyOf(read(what, response, INTEGERS));
  }

  @Override
  public Optional<RegisteredSchema> version(String subject, int version) throws RegistryException {
    var key = new SubjectVersion(subject, version);
    RegisteredSchema cached = subjectVersions.getIfPresent(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    String what = "read version %d of subject '%s'".formatted(version, subject);
    Response response =
        transport.send(
            "GET", "subjects/" + segment(subject) + "/versions/" + version, new byte[0], Map.of());
    if (isNotFound(response)) {
      return Optional.empty();
    }
    requireSuccess(what, response);
    RegisteredSchema found = toRegistered(what, subject, response);
    remember(subject);
    subjectVersions.put(key, found);
    return Optional.of(found);
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) throws RegistryException {
    Latest cached = latestBySubject.getIfPresent(subject);
    long now = System.nanoTime();
    if (cached != null && now - cached.fetchedAtNanos() < latestTtlNanos) {
      return Optional.of(cached.schema());
    }
    String what = "read the latest version of subject '%s'".formatted(subject);
    Map<String, String> conditional =
        cached == null || cached.etag().isEmpty()
            ? Map.of()
            : Map.of("If-None-Match", cached.etag().get());
    Response response;
    try {
      response =
          transport.send(
              "GET", "subjects/" + segment(subject) + "/versions/latest", new byte[0], conditional);
    } catch (RegistryException e) {
      if (cached != null && e.reason() == Reason.UNAVAILABLE) {
        log.warn("serving a stale latest version of '{}': {}", subject, e.getMessage());
        return Optional.of(cached.schema());
      }
      throw e;
    }
    if (response.status() == 304 && cached != null) {
      latestBySubject.put(subject, new Latest(cached.schema(), cached.etag(), System.nanoTime()));
      return Optional.of(cached.schema());
    }
    if (isNotFound(response)) {
      forget(subject); // deleted out of band: what we remember of it is stale
      return Optional.empty();
    }
    requireSuccess(what, response);
    RegisteredSchema found = toRegistered(what, subject, response);
    remember(subject);
    latestBySubject.put(subject, new Latest(found, response.etag(), System.nanoTime()));
    subjectVersions.put(new SubjectVersion(subject, found.version()), found);
    return Optional.of(found);
  }

  @Override
  public Optional<SchemaSubmission> schemaById(int id) throws RegistryException {
    SchemaSubmission cached = schemasById.getIfPresent(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    String what = "read schema id %d".formatted(id);
    Response response = transport.send("GET", "schemas/ids/" + id, new byte[0], Map.of());
    if (isNotFound(response)) {
      return Optional.empty();
    }
    requireSuccess(what, response);
    SchemaAnswer answer = read(what, response, SchemaAnswer.class);
    if (answer.schema() == null) {
      throw malformed(what, response, "no 'schema' in the answer");
    }
    var found = new SchemaSubmission(format(what, answer), answer.schema(), answer.referenceList());
    schemasById.put(id, found);
    return Optional.of(found);
  }

  @Override
  public CompatibilityReport testCompatibility(String subject, SchemaSubmission schema)
      throws RegistryException {
    String what = "test compatibility with subject '%s'".formatted(subject);
    Response response =
        transport.send(
            "POST",
            "compatibility/subjects/" + segment(subject) + "/versions/latest?verbose=true",
            body(SchemaRequest.of(schema)),
            Map.of());
    if (isNotFound(response)) {
      // No history: nothing the new schema could break.
      return new CompatibilityReport(true, List.of());
    }
    requireSuccess(what, response);
    CompatibilityAnswer answer = read(what, response, CompatibilityAnswer.class);
    if (answer.compatible() == null) {
      throw malformed(what, response, "no 'is_compatible' in the answer");
    }
    return new CompatibilityReport(
        answer.compatible(), answer.messages() == null ? List.of() : answer.messages());
  }

  @Override
  public CompatibilityLevel compatibility(String subject) throws RegistryException {
    String what = "read the compatibility level of subject '%s'".formatted(subject);
    Response response =
        transport.send(
            "GET", "config/" + segment(subject) + "?defaultToGlobal=true", new byte[0], Map.of());
    if (isNotFound(response)) {
      response = transport.send("GET", "config", new byte[0], Map.of());
    }
    requireSuccess(what, response);
    ConfigAnswer answer = read(what, response, ConfigAnswer.class);
    Response answered = response;
    return CompatibilityLevel.parse(answer.level())
        .orElseThrow(
            () -> malformed(what, answered, "unknown compatibility level " + answer.level()));
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) throws RegistryException {
    String what = "set the compatibility level of subject '%s'".formatted(subject);
    Response response =
        transport.send(
            "PUT", "config/" + segment(subject), body(new ConfigRequest(level.name())), Map.of());
    requireSuccess(what, response);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) throws RegistryException {
    String what = "delete subject '%s'".formatted(subject);
    String path = "subjects/" + segment(subject);
    Response soft = transport.send("DELETE", path, new byte[0], Map.of());
    int softCode = RegistryErrors.errorCode(json, soft.status(), soft.body());
    // 40404: already soft-deleted, which is where a permanent delete has to start from.
    boolean alreadySoftDeleted = softCode == 40404;
    if (!alreadySoftDeleted && isNotFound(soft)) {
      forget(subject);
      return List.of();
    }
    if (!alreadySoftDeleted) {
      requireSuccess(what, soft);
    }
    List<Integer> deleted = alreadySoftDeleted ? List.of() : read(what, soft, INTEGERS);
    if (permanent) {
      Response hard = transport.send("DELETE", path + "?permanent=true", new byte[0], Map.of());
      if (!isNotFound(hard)) {
        requireSuccess(what + " permanently", hard);
        deleted = read(what, hard, INTEGERS);
      }
    }
    forget(subject);
    return List.copyOf(deleted);
  }

  @Override
  public Optional<Integer> deleteVersion(String subject, int version, boolean permanent)
      throws RegistryException {
    String what = "delete version %d of subject '%s'".formatted(version, subject);
    String path = "subjects/" + segment(subject) + "/versions/" + version;
    Response response =
        transport.send(
            "DELETE", permanent ? path + "?permanent=true" : path, new byte[0], Map.of());
    forget(subject);
    if (isNotFound(response)) {
      return Optional.empty();
    }
    requireSuccess(what, response);
    return Optional.of(read(what, response, Integer.class));
  }

  /** Notes that some cache may hold an entry of this subject, before the entry is put. */
  private void remember(String subject) {
    subjectsCached.add(subject);
  }

  private void forget(String subject) {
    latestBySubject.invalidate(subject);
    // Scanning the caches costs their size: skip it for subjects never cached (a cold start asks
    // for thousands of subjects that do not exist yet, and each 404 lands here).
    if (!subjectsCached.contains(subject)) {
      return;
    }
    subjectVersions.asMap().keySet().removeIf(k -> k.subject().equals(subject));
    lookups.asMap().keySet().removeIf(k -> k.subject().equals(subject));
    registeredIds.asMap().keySet().removeIf(k -> k.subject().equals(subject));
  }

  @Override
  public void close() {
    http.close();
  }

  private RegisteredSchema toRegistered(String what, String subject, Response response)
      throws RegistryException {
    SchemaAnswer answer = read(what, response, SchemaAnswer.class);
    if (answer.id() == null || answer.version() == null || answer.schema() == null) {
      throw malformed(what, response, "the answer lacks 'id', 'version' or 'schema'");
    }
    return new RegisteredSchema(
        answer.subject() == null ? subject : answer.subject(),
        answer.version(),
        answer.id(),
        format(what, answer),
        answer.schema(),
        answer.referenceList());
  }

  private static SchemaFormat format(String what, SchemaAnswer answer) throws RegistryException {
    return SchemaFormat.fromConfluentType(answer.schemaType())
        .orElseThrow(
            () ->
                new RegistryException(
                    Reason.INVALID,
                    0,
                    "%s: schema type %s is not supported (AVRO and JSON are)"
                        .formatted(what, answer.schemaType())));
  }

  private boolean isNotFound(Response response) {
    return response.status() == 404
        && RegistryErrors.isNotFound(
            response.status(), RegistryErrors.errorCode(json, 404, response.body()));
  }

  private void requireSuccess(String what, Response response) throws RegistryException {
    if (response.status() / 100 != 2) {
      throw RegistryErrors.toException(json, what, response.status(), response.body());
    }
  }

  private <T> T read(String what, Response response, Class<T> type) throws RegistryException {
    try {
      return json.readValue(response.body(), type);
    } catch (IOException e) {
      throw malformed(what, response, "unreadable answer: " + problem(e));
    }
  }

  private <T> T read(String what, Response response, TypeReference<T> type)
      throws RegistryException {
    try {
      return json.readValue(response.body(), type);
    } catch (IOException e) {
      throw malformed(what, response, "unreadable answer: " + problem(e));
    }
  }

  private static String problem(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j
        ? j.getOriginalMessage()
        : e.getMessage();
  }

  private static RegistryException malformed(String what, Response response, String problem) {
    // A registry that answers nonsense is a server fault: callers treat it like an outage.
    return new RegistryException(
        Reason.UNAVAILABLE,
        response.status(),
        "%s: the registry answered HTTP %d but %s".formatted(what, response.status(), problem));
  }

  private byte[] body(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("records always serialize", e);
    }
  }

  /** Percent-encodes one path segment (URLEncoder is for forms: it writes spaces as '+'). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
