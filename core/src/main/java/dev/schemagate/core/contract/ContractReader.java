package dev.schemagate.core.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schemagate.core.config.Enums;
import dev.schemagate.core.contract.Contract.Consumer;
import dev.schemagate.core.contract.Contract.ConsumerKind;
import dev.schemagate.core.contract.Contract.Criticality;
import dev.schemagate.core.contract.Contract.Enforcement;
import dev.schemagate.core.contract.Contract.FieldInfo;
import dev.schemagate.core.contract.Contract.Owner;
import dev.schemagate.core.contract.Contract.QualityRule;
import dev.schemagate.core.contract.Contract.Severity;
import dev.schemagate.core.contract.Contract.Sla;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a contract from its JSON form (a DataContract resource's {@code spec}, or a contract file),
 * reporting every structural problem with its path instead of stopping at the first.
 */
public final class ContractReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ContractViolation> problems = new ArrayList<>();

  private ContractReader() {}

  public static Contract read(JsonNode spec) throws InvalidContractException {
    return new ContractReader().contract(spec);
  }

  private Contract contract(JsonNode spec) throws InvalidContractException {
    if (spec == null || !spec.isObject()) {
      throw new InvalidContractException(
          List.of(new ContractViolation("spec", "must be an object")));
    }
    String schemaRef = text(spec, "schemaRef", "schemaRef").orElse("");
    if (schemaRef.isBlank()) {
      problems.add(new ContractViolation("schemaRef", "is required: name the DataSchema"));
    }
    Contract contract =
        new Contract(
            schemaRef,
            object(spec, "owner").map(this::owner),
            text(spec, "domain", "domain"),
            text(spec, "description", "description"),
            list(spec, "fields", this::fieldInfo),
            list(spec, "quality", this::rule),
            object(spec, "sla").map(this::sla),
            list(spec, "consumers", this::consumer),
            object(spec, "enforcement").map(this::enforcement));
    if (!problems.isEmpty()) {
      throw new InvalidContractException(problems);
    }
    return contract;
  }

  private Owner owner(JsonNode node) {
    return new Owner(
        text(node, "team", "owner.team").orElse(""),
        text(node, "contact", "owner.contact"),
        text(node, "escalation", "owner.escalation"));
  }

  private FieldInfo fieldInfo(JsonNode node, String path) {
    return new FieldInfo(
        text(node, "name", path + ".name").orElse(""),
        text(node, "classification", path + ".classification"),
        text(node, "description", path + ".description"));
  }

  private QualityRule rule(JsonNode node, String path) {
    String name = text(node, "rule", path + ".rule").orElse("");
    Optional<RuleType> type = RuleType.fromWireName(name);
    if (type.isEmpty()) {
      problems.add(
          new ContractViolation(
              path + ".rule",
              (name.isEmpty() ? "is required" : "unknown rule '" + name + "'")
                  + ": one of "
                  + Arrays.stream(RuleType.values()).map(RuleType::wireName).toList()));
    }
    Map<String, Object> params = Map.of();
    JsonNode paramsNode = node.path("params");
    if (paramsNode.isObject()) {
      params =
          JSON.convertValue(
              paramsNode,
              JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    } else if (!paramsNode.isMissingNode() && !paramsNode.isNull()) {
      problems.add(new ContractViolation(path + ".params", "must be an object"));
    }
    return new QualityRule(
        text(node, "field", path + ".field"),
        type.orElse(RuleType.NOT_NULL),
        params,
        choice(node, "severity", path + ".severity", Severity.class).orElse(Severity.ERROR));
  }

  private Sla sla(JsonNode node) {
    return new Sla(
        text(node, "freshness", "sla.freshness"),
        text(node, "availability", "sla.availability"),
        text(node, "p95Latency", "sla.p95Latency"));
  }

  private Consumer consumer(JsonNode node, String path) {
    String name = text(node, "name", path + ".name").orElse("");
    if (name.isBlank()) {
      problems.add(new ContractViolation(path + ".name", "is required"));
    }
    Optional<ConsumerKind> kind = choice(node, "kind", path + ".kind", ConsumerKind.class);
    if (kind.isEmpty() && !node.has("kind")) {
      problems.add(new ContractViolation(path + ".kind", "is required"));
    }
    return new Consumer(
        name,
        kind.orElse(ConsumerKind.SERVICE),
        list(node, "fields", path + ".fields", (f, p) -> f.isTextual() ? f.asText() : bad(p)),
        choice(node, "criticality", path + ".criticality", Criticality.class)
            .orElse(Criticality.MEDIUM),
        text(node, "owner", path + ".owner"));
  }

  private Enforcement enforcement(JsonNode node) {
    return new Enforcement(
        text(node, "kafkaTopic", "enforcement.kafkaTopic"),
        text(node, "dlqTopic", "enforcement.dlqTopic"),
        text(node, "dbtModel", "enforcement.dbtModel"));
  }

  private String bad(String path) {
    problems.add(new ContractViolation(path, "must be a field name (a string)"));
    return "";
  }

  private Optional<String> text(JsonNode node, String key, String path) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.add(new ContractViolation(path, "must be a string"));
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  private <E extends Enum<E>> Optional<E> choice(
      JsonNode node, String key, String path, Class<E> type) {
    return text(node, key, path)
        .flatMap(
            value -> {
              Optional<E> constant = Enums.parse(type, value);
              if (constant.isEmpty()) {
                problems.add(
                    new ContractViolation(
                        path,
                        "unknown value '%s': one of %s"
                            .formatted(
                                value,
                                Arrays.stream(type.getEnumConstants())
                                    .map(e -> e.name().toLowerCase(Locale.ROOT))
                                    .toList())));
              }
              return constant;
            });
  }

  private Optional<JsonNode> object(JsonNode node, String key) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      problems.add(new ContractViolation(key, "must be an object"));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private interface Element<T> {
    T read(JsonNode node, String path);
  }

  private <T> List<T> list(JsonNode node, String key, Element<T> element) {
    return list(node, key, key, element);
  }

  private <T> List<T> list(JsonNode node, String key, String path, Element<T> element) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      problems.add(new ContractViolation(path, "must be a list"));
      return List.of();
    }
    List<T> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemPath = path + "[" + i + "]";
      JsonNode item = value.get(i);
      if (item.isObject() || item.isTextual()) {
        items.add(element.read(item, itemPath));
      } else {
        problems.add(new ContractViolation(itemPath, "unexpected " + item.getNodeType()));
      }
    }
    return items;
  }
}
