package dev.schemagate.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.schema.BoundedRegex;
import dev.schemagate.core.schema.SchemaLimitException;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates request bodies against a subject's latest schema (JSON Schema, or Avro through {@link
 * AvroBody}) and a contract's record rules: the part the Servlet filter and the Javalin plugin
 * share. The latest version comes through the registry client, which caches it for its {@code
 * latestTtl} (5 s by default) as the SDK does; each schema id is compiled once.
 *
 * <p>Metrics: {@code schemagate_ingest_requests_total{subject, outcome}} (outcome accepted,
 * rejected, malformed, unavailable) and {@code schemagate_ingest_validation_seconds{subject}}.
 */
public final class IngestGate {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What one regular expression may take on one value of a body (a schema's or a rule's). */
  static final Duration REGEX_BUDGET = Duration.ofMillis(100);

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          // a schema's "pattern" runs on what a client sends: bounded, so a value it backtracks
          // on costs one 422, not a request thread for minutes
          .regularExpressionFactory(
              regex -> {
                Pattern pattern = Pattern.compile(regex);
                return value -> BoundedRegex.find(pattern, value, REGEX_BUDGET);
              })
          .build();

  private final SchemaRegistryClient registry;
  private final String subject;
  private final RecordRules rules;
  private final MeterRegistry metrics;
  private final Timer timer;

  /** Each schema id compiled once into what checks a body against it. */
  private final Map<Integer, BodyCheck> compiled = new ConcurrentHashMap<>();

  /** A compiled schema: every way a body breaks it. */
  private interface BodyCheck {
    List<Violation> violations(JsonNode body);
  }

  /**
   * @param contract the contract whose record rules bodies must keep, if any
   */
  public IngestGate(
      SchemaRegistryClient registry,
      String subject,
      Optional<Contract> contract,
      MeterRegistry metrics) {
    this.registry = registry;
    this.subject = subject;
    this.rules =
        new RecordRules(
            contract.orElse(
                new Contract(
                    subject,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty())));
    this.metrics = metrics;
    this.timer =
        Timer.builder("schemagate_ingest_validation_seconds")
            .description("Time to validate one request body")
            .tag("subject", subject)
            .register(metrics);
  }

  public String subject() {
    return subject;
  }

  public Verdict validate(byte[] body) {
    Verdict verdict = timer.record(() -> decide(body));
    String outcome =
        switch (verdict) {
          case Verdict.Accepted a -> "accepted";
          case Verdict.Rejected r -> "rejected";
          case Verdict.Malformed m -> "malformed";
          case Verdict.Unavailable u -> "unavailable";
        };
    metrics
        .counter("schemagate_ingest_requests_total", "subject", subject, "outcome", outcome)
        .increment();
    return verdict;
  }

  private Verdict decide(byte[] body) {
    JsonNode value;
    try {
      value = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // a parser limit (nesting depth, number or string length) carries no location
      return new Verdict.Malformed(
          "the body is not JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()));
    } catch (IOException e) {
      return new Verdict.Malformed("the body cannot be read: " + e.getMessage());
    }
    if (value == null || value.isMissingNode()) {
      return new Verdict.Malformed("the body is empty: expected a JSON document");
    }
    RegisteredSchema latest;
    try {
      Optional<RegisteredSchema> found = registry.latest(subject);
      if (found.isEmpty()) {
        return new Verdict.Unavailable("subject '" + subject + "' has no schema in the registry");
      }
      latest = found.get();
    } catch (RegistryException e) {
      return new Verdict.Unavailable("the schema registry did not answer: " + e.getMessage());
    }
    BodyCheck schema;
    try {
      schema = compiled.computeIfAbsent(latest.id(), id -> compile(latest));
    } catch (RuntimeException e) {
      return new Verdict.Unavailable(
          "schema id " + latest.id() + " does not compile: " + e.getMessage());
    }
    List<Violation> violations = new ArrayList<>();
    try {
      violations.addAll(schema.violations(value));
    } catch (SchemaLimitException e) {
      // a schema pattern that backtracks on this body: refused, naming the limit
      violations.add(new Violation("", e.limit(), e.getMessage() + " (limit " + e.limit() + ")"));
    }
    violations.addAll(rules.check(value));
    if (violations.isEmpty()) {
      return new Verdict.Accepted(value, latest.id());
    }
    violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::rule));
    return new Verdict.Rejected(latest.id(), violations);
  }

  private static BodyCheck compile(RegisteredSchema latest) {
    return switch (latest.format()) {
      case JSON -> jsonSchema(latest.schema());
      case AVRO -> {
        org.apache.avro.Schema avro = new org.apache.avro.Schema.Parser().parse(latest.schema());
        yield body -> AvroBody.check(avro, body);
      }
    };
  }

  private static BodyCheck jsonSchema(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    VersionFlag draft =
        SpecVersionDetector.detectOptionalVersion(node, false).orElse(VersionFlag.V7);
    JsonSchema schema = JsonSchemaFactory.getInstance(draft).getSchema(node, CONFIG);
    schema.initializeValidators();
    return body -> {
      List<Violation> violations = new ArrayList<>();
      for (ValidationMessage message : schema.validate(body)) {
        String path = message.getInstanceLocation().toString();
        if ("required".equals(message.getType()) && message.getProperty() != null) {
          path = path + "/" + message.getProperty(); // name the missing property
        }
        violations.add(new Violation(path, message.getType(), message.getMessage()));
      }
      return violations;
    };
  }

  /** The body of a 4xx/5xx answer: the registry's error shape plus every violation. */
  public static byte[] errorBody(Verdict verdict) {
    var root = JSON.createObjectNode();
    switch (verdict) {
      case Verdict.Rejected r -> {
        root.put("error_code", 42201);
        root.put("message", r.violations().size() + " violation(s) of schema id " + r.schemaId());
        var list = root.putArray("violations");
        r.violations()
            .forEach(
                v ->
                    list.addObject()
                        .put("path", v.path())
                        .put("rule", v.rule())
                        .put("message", v.message()));
      }
      case Verdict.Malformed m -> {
        root.put("error_code", 400);
        root.put("message", m.message());
      }
      case Verdict.Unavailable u -> {
        root.put("error_code", 50301);
        root.put("message", u.message());
      }
      case Verdict.Accepted a ->
          throw new IllegalArgumentException("an accepted body has no error");
    }
    return root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The HTTP status for a verdict that stops the request. */
  public static int status(Verdict verdict) {
    return switch (verdict) {
      case Verdict.Rejected r -> 422;
      case Verdict.Malformed m -> 400;
      case Verdict.Unavailable u -> 503;
      case Verdict.Accepted a -> 200;
    };
  }
}
