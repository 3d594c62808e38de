package dev.schemagate.core.lineage.severity;

import dev.schemagate.core.lineage.AffectedAsset;
import dev.schemagate.core.lineage.AssetKind;
import dev.schemagate.core.lineage.Criticality;
import java.util.Objects;
import java.util.Set;

/**
 * One line of a severity policy: the grade given when the affected assets that pass every filter
 * (an empty filter passes everything) weigh at least {@code atLeast} together. An asset weighs the
 * policy's weight for how it is reached (DIRECT or INDIRECT).
 */
public record SeverityRule(
    String name,
    Severity severity,
    Set<AssetKind> kinds,
    Set<Criticality> criticalities,
    Set<String> environments,
    double atLeast) {
  public SeverityRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
    kinds = Set.copyOf(kinds);
    criticalities = Set.copyOf(criticalities);
    environments = Set.copyOf(environments);
    if (!(atLeast > 0)) {
      throw new IllegalArgumentException("rule '" + name + "': atLeast must be positive");
    }
  }

  boolean selects(AffectedAsset affected) {
    var asset = affected.asset();
    return (kinds.isEmpty() || kinds.contains(asset.kind()))
        && (criticalities.isEmpty() || criticalities.contains(asset.criticality()))
        && (environments.isEmpty()
            || asset.environment().map(environments::contains).orElse(false));
  }
}
