package dev.schemagate.operator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.contract.cel.CelRule;
import dev.schemagate.core.contract.cel.CelTranslation;
import dev.schemagate.registry.client.ContractVersion;
import dev.schemagate.registry.client.DataContractFields;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegisteredVersion;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
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
 * <p>Goes through the operator's registry client, so its credentials, retries and error mapping
 * apply (a refused credential is a failure saying so, not an outage).
 */
public final class CelRulePublisher {
  private static final Logger log = LoggerFactory.getLogger(CelRulePublisher.class);
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

  private final Optional<SchemaRegistryClient> registry;

  /** Publishes through this client (shared, not closed here). */
  public CelRulePublisher(SchemaRegistryClient registry) {
    this.registry = Optional.of(registry);
  }

  private CelRulePublisher() {
    this.registry = Optional.empty();
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
    SchemaRegistryClient client = registry.get();
    try {
      Optional<ContractVersion> found = client.latestWithContract(subject);
      if (found.isEmpty()) {
        return new Outcome.Failed(
            "subject '%s' has no version in the registry (404)".formatted(subject));
      }
      RegisteredSchema latest = found.get().schema();
      DataContractFields contract = found.get().contract();
      if (!latest.schema().equals(schemaText)) {
        return new Outcome.Skipped(
            "version %d of '%s' holds another schema than the contract was checked against"
                .formatted(latest.version(), subject));
      }
      JsonNode existing = contract.ruleSet().orElse(MissingNode.getInstance());
      ObjectNode ruleSet = withRules(existing, translation);
      if (ruleSet.equals(existing) || (ruleSet.isEmpty() && existing.isMissingNode())) {
        return new Outcome.Unchanged(latest.version());
      }
      RegisteredVersion registered =
          client.registerWithContract(
              subject,
              new SchemaSubmission(latest.format(), latest.schema(), latest.references()),
              contract.withRuleSet(Optional.of(ruleSet)));
      return new Outcome.Published(registered.version(), translation.rules().size());
    } catch (RegistryException e) {
      return new Outcome.Failed(
          switch (e.reason()) {
            case UNAVAILABLE -> "registry unreachable: " + e.getMessage();
            case NOT_AUTHORIZED ->
                "the registry refused the operator's credentials or role: " + e.getMessage();
            default -> "the registry refused: " + e.getMessage();
          });
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
}
