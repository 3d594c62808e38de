package dev.schemagate.registry.server.registry.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Confluent's ruleSet: migration rules (between versions), domain rules (on every message) and
 * encoding rules. Order within a list is significant (rules run in order).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleSet(
    List<Rule> migrationRules,
    List<Rule> domainRules,
    List<Rule> encodingRules,
    Optional<String> enableAt) {
  public RuleSet {
    migrationRules = migrationRules == null ? List.of() : List.copyOf(migrationRules);
    domainRules = domainRules == null ? List.of() : List.copyOf(domainRules);
    encodingRules = encodingRules == null ? List.of() : List.copyOf(encodingRules);
    enableAt = enableAt == null ? Optional.empty() : enableAt;
  }

  public static RuleSet ofDomainRules(List<Rule> rules) {
    return new RuleSet(List.of(), rules, List.of(), Optional.empty());
  }

  /** Confluent's merge: per list, the newer rules replace older ones of the same name. */
  public static RuleSet merge(RuleSet older, RuleSet newer) {
    return new RuleSet(
        mergeRules(older.migrationRules, newer.migrationRules),
        mergeRules(older.domainRules, newer.domainRules),
        mergeRules(older.encodingRules, newer.encodingRules),
        newer.enableAt.isPresent() ? newer.enableAt : older.enableAt);
  }

  private static List<Rule> mergeRules(List<Rule> older, List<Rule> newer) {
    if (older.isEmpty()) {
      return newer;
    }
    if (newer.isEmpty()) {
      return older;
    }
    Set<String> newNames = newer.stream().map(Rule::name).collect(Collectors.toSet());
    List<Rule> merged = new ArrayList<>();
    older.stream().filter(r -> !newNames.contains(r.name())).forEach(merged::add);
    merged.addAll(newer);
    return merged;
  }

  /** Confluent's checks: unique names, valid rules, modes that fit the list they are in. */
  public void validate() {
    Set<String> names = new HashSet<>();
    check(migrationRules, names, true, "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN");
    check(domainRules, names, false, "Domain rules can only be WRITE, READ, WRITEREAD");
    check(encodingRules, names, false, "Encoding rules can only be WRITE, READ, WRITEREAD");
  }

  private static void check(List<Rule> rules, Set<String> names, boolean migration, String error) {
    for (Rule rule : rules) {
      rule.validate();
      if (!names.add(rule.name())) {
        throw new InvalidRuleSetException("found rule with duplicate name '" + rule.name() + "'");
      }
      if (rule.mode().isMigration() != migration) {
        throw new InvalidRuleSetException(error + " (rule '" + rule.name() + "')");
      }
    }
  }

  public boolean hasRulesOfType(String type) {
    return migrationRules.stream().anyMatch(r -> type.equals(r.type()))
        || domainRules.stream().anyMatch(r -> type.equals(r.type()))
        || encodingRules.stream().anyMatch(r -> type.equals(r.type()));
  }
}
