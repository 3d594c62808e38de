package dev.schemagate.operator.promotion;

import dev.schemagate.core.config.Enums;
import dev.schemagate.crds.v1alpha1.AffectedAsset;
import dev.schemagate.crds.v1alpha1.Criticality;
import dev.schemagate.crds.v1alpha1.Impact;
import dev.schemagate.crds.v1alpha1.Severity;
import dev.schemagate.registry.client.lineage.ImpactReport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The graded impact of a promotion and the approvals it needs: when the policy blocks, the owners
 * of every affected CRITICAL asset and of the assets that decided the grade.
 */
record Assessment(Impact impact, boolean blocking, Set<String> requiredApprovers) {

  static Assessment of(ImpactReport report) {
    List<AffectedAsset> assets =
        report.assets().stream()
            .map(
                a ->
                    new AffectedAsset(
                        a.id(),
                        a.kind(),
                        a.owner(),
                        criticality(a.criticality()),
                        List.of(a.explanation())))
            .toList();
    Set<String> approvers = new LinkedHashSet<>();
    if (report.blocking()) {
      for (ImpactReport.Asset a : report.assets()) {
        if (a.criticality().equalsIgnoreCase("CRITICAL") || report.decisive().contains(a.id())) {
          approvers.add(a.owner());
        }
      }
    }
    return new Assessment(
        new Impact(severity(report.severity()), report.reason(), assets),
        report.blocking(),
        approvers);
  }

  private static Criticality criticality(String text) {
    return Enums.parse(Criticality.class, text)
        .orElseThrow(() -> new IllegalArgumentException("unknown criticality '" + text + "'"));
  }

  private static Severity severity(String text) {
    return Enums.parse(Severity.class, text)
        .orElseThrow(() -> new IllegalArgumentException("unknown severity '" + text + "'"));
  }

  /** No existing field changes: nothing downstream can break. */
  static Assessment none(String why) {
    return new Assessment(new Impact(Severity.NONE, why, List.of()), false, Set.of());
  }
}
