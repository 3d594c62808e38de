package dev.schemagate.operator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.contract.cel.CelRule;
import dev.schemagate.core.contract.cel.CelTranslation;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a DataContract's quality rules, translated to CEL, in the ruleSet of the subject's
 * latest version, so Confluent's serializers enforce them (see {@code docs/contract-cel-rules.md}).
 * The rules it owns are those named {@code schemagate_*}: they are replaced as a set, any other
 * rule in the ruleSet is kept. Publishing registers the same schema with the new ruleSet, which
 * (metadata and ruleSet being part of a schema's identity) makes a new version; publishing rules
 * that are already there changes nothing.
 *
 * <p>Speaks the registry's Confluent API directly because the shared registry client has no ruleSet
 * yet.
 */
public final class CelRulePublisher {
  private static final Logger log = LoggerFactory.getLogger(CelRulePublisher.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What publishing did. */
  public sealed interface Outcome {
    /** A new version of the subject now holds the rules. */
    record Published(int version, int rules) implements Outcome {}

    /** The latest version already holds exactly these rules. */
    record Unchanged(int version) implements Outcome {}

    /** Nothing published, on purpose (e.g. the latest version holds another schema). */
    record Skipped(String reason) implements Outcome {}

    /** The registry could not be asked or refused; try again later. */
    record Failed(String reason) implements Outcome {}
  }

  private final Optional<URI> registry;
  private final Duration timeout;
  private final HttpClient http;

  public CelRulePublisher(String registryUrl, Duration timeout) {
    this.registry =
        Optional.of(URI.create(registryUrl.endsWith("/") ? registryUrl : registryUrl + "/"));
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  private CelRulePublisher() {
    this.registry = Optional.empty();
    this.timeout = Duration.ZERO;
    this.http = null;
  }

  /** A publisher that publishes nothing (tests and callers without a registry URL). */
  public static CelRulePublisher disabled() {
    return new CelRulePublisher();
  }

  /**
   * Puts the translation's rules in the ruleSet of {@code subject}'s latest version, provided that
   * version holds {@code schemaText} (the schema the contract was checked against).
   */
  public Outcome publish(String subject, String schemaText, CelTranslation translation) {
    Outcome outcome = attempt(subject, schemaText, translation);
    switch (outcome) {
      case Outcome.Failed failed ->
          log.warn("CEL rules for '{}' not published: {}", subject, failed.reason());
      case Outcome.Skipped skipped ->
          log.debug("CEL rules for '{}' not published: {}", subject, skipped.reason());
      case Outcome.Published published ->
          log.info(
              "published {} CEL rule(s) of a DataContract in version {} of '{}'",
              published.rules(),
              published.version(),
              subject);
      case Outcome.Unchanged unchanged -> {}
    }
    return outcome;
  }

  private Outcome attempt(String subject, String schemaText, CelTranslation translation) {
    if (registry.isEmpty()) {
      return new Outcome.Skipped("no registry configured for publishing CEL rules");
    }
    try {
      String path = "subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions";
      HttpResponse<String> latestResponse =
          send(HttpRequest.newBuilder(uri(path + "/latest")).GET());
      if (latestResponse.statusCode() != 200) {
        return new Outcome.Failed(
            "reading the latest version of '%s' answered %d %s"
                .formatted(subject, latestResponse.statusCode(), latestResponse.body()));
      }
      JsonNode latest = JSON.readTree(latestResponse.body());
      int version = latest.path("version").asInt();
      if (!latest.path("schema").asText().equals(schemaText)) {
        return new Outcome.Skipped(
            "version %d of '%s' holds another schema than the contract was checked against"
                .formatted(version, subject));
      }
      ObjectNode ruleSet = withRules(latest.path("ruleSet"), translation);
      if (ruleSet.equals(latest.path("ruleSet"))
          || (ruleSet.isEmpty() && latest.path("ruleSet").isMissingNode())) {
        return new Outcome.Unchanged(version);
      }
      ObjectNode body = JSON.createObjectNode();
      for (String field : new String[] {"schema", "schemaType", "references", "metadata"}) {
        if (latest.has(field)) {
          body.set(field, latest.get(field));
        }
      }
      body.set("ruleSet", ruleSet);
      HttpResponse<String> registered =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", CONTENT_TYPE)
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
      if (registered.statusCode() != 200) {
        return new Outcome.Failed(
            "registering '%s' with %d CEL rule(s) answered %d %s"
                .formatted(
                    subject,
                    translation.rules().size(),
                    registered.statusCode(),
                    registered.body()));
      }
      int newVersion = JSON.readTree(registered.body()).path("version").asInt();
      return new Outcome.Published(newVersion, translation.rules().size());
    } catch (IOException e) {
      return new Outcome.Failed("registry unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed("interrupted");
    }
  }

  /**
   * The existing ruleSet with its {@code schemagate_*} domain rules replaced by the translation.
   */
  static ObjectNode withRules(JsonNode existing, CelTranslation translation) {
    ObjectNode ruleSet =
        existing.isObject() ? ((ObjectNode) existing).deepCopy() : JSON.createObjectNode();
    ArrayNode domainRules = JSON.createArrayNode();
    for (JsonNode rule : existing.path("domainRules")) {
      if (!rule.path("name").asText().startsWith(CelRule.NAME_PREFIX)) {
        domainRules.add(rule);
      }
    }
    translation.ruleSetJson().path("domainRules").forEach(domainRules::add);
    if (domainRules.isEmpty()) {
      ruleSet.remove("domainRules");
    } else {
      ruleSet.set("domainRules", domainRules);
    }
    return ruleSet;
  }

  private URI uri(String path) {
    return registry.orElseThrow().resolve(path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(timeout).header("Accept", CONTENT_TYPE).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
