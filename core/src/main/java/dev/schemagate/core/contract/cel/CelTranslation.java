package dev.schemagate.core.contract.cel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a contract's quality rules become at the edge: CEL rules, and the rules left behind. */
public record CelTranslation(List<CelRule> rules, List<Untranslated> untranslated) {
  public CelTranslation {
    rules = List.copyOf(rules);
    untranslated = List.copyOf(untranslated);
  }

  /**
   * Confluent's {@code ruleSet} JSON holding the rules as domain rules: {@code CONDITION}, {@code
   * WRITE}, {@code CEL}, {@code onFailure: ERROR} (the serializer throws and nothing is written).
   */
  public ObjectNode ruleSetJson() {
    ObjectNode ruleSet = JsonNodeFactory.instance.objectNode();
    var domainRules = ruleSet.putArray("domainRules");
    for (CelRule rule : rules) {
      domainRules
          .addObject()
          .put("name", rule.name())
          .put("doc", rule.doc())
          .put("kind", "CONDITION")
          .put("mode", "WRITE")
          .put("type", CelRule.TYPE)
          .put("expr", rule.expr())
          .put("onFailure", "ERROR");
    }
    return ruleSet;
  }
}
