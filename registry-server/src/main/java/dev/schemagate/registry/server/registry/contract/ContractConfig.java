package dev.schemagate.registry.server.registry.contract;

import java.util.Optional;

/**
 * Config-level contract parts (Confluent's {@code defaultMetadata}, {@code overrideMetadata},
 * {@code defaultRuleSet}, {@code overrideRuleSet}). A subject's own values win field by field over
 * the global ones, as in Confluent's {@code mergeConfigs}.
 */
public record ContractConfig(
    Optional<Metadata> defaultMetadata,
    Optional<Metadata> overrideMetadata,
    Optional<RuleSet> defaultRuleSet,
    Optional<RuleSet> overrideRuleSet) {
  public static final ContractConfig NONE =
      new ContractConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public boolean isEmpty() {
    return this.equals(NONE);
  }

  /** This (subject) config over {@code global}: each field set here wins. */
  public ContractConfig over(ContractConfig global) {
    return new ContractConfig(
        defaultMetadata.or(global::defaultMetadata),
        overrideMetadata.or(global::overrideMetadata),
        defaultRuleSet.or(global::defaultRuleSet),
        overrideRuleSet.or(global::overrideRuleSet));
  }

  /**
   * The contract a registration ends with, as Confluent computes it: the submitted metadata (or,
   * when none is sent, the previous version's), merged over the default and under the override; the
   * same for the ruleSet. So a serializer that registers bare schema text keeps the subject's
   * rules, and an override cannot be dropped by a client.
   */
  public SchemaContract apply(SchemaContract submitted, Optional<SchemaContract> previous) {
    Optional<Metadata> specificMetadata =
        submitted.metadata().or(() -> previous.flatMap(SchemaContract::metadata));
    Optional<RuleSet> specificRuleSet =
        submitted.ruleSet().or(() -> previous.flatMap(SchemaContract::ruleSet));
    return new SchemaContract(
        mergeMetadata(mergeMetadata(defaultMetadata, specificMetadata), overrideMetadata),
        mergeRuleSet(mergeRuleSet(defaultRuleSet, specificRuleSet), overrideRuleSet));
  }

  private static Optional<Metadata> mergeMetadata(
      Optional<Metadata> older, Optional<Metadata> newer) {
    if (older.isEmpty()) {
      return newer;
    }
    return newer.isEmpty() ? older : Optional.of(Metadata.merge(older.get(), newer.get()));
  }

  private static Optional<RuleSet> mergeRuleSet(Optional<RuleSet> older, Optional<RuleSet> newer) {
    if (older.isEmpty()) {
      return newer;
    }
    return newer.isEmpty() ? older : Optional.of(RuleSet.merge(older.get(), newer.get()));
  }
}
