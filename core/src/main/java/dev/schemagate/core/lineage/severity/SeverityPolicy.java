package dev.schemagate.core.lineage.severity;

import dev.schemagate.core.lineage.AffectedAsset;
import dev.schemagate.core.lineage.Impact;
import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.TransformationType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Grades an impact: the rules are tried from the most severe grade down (in file order within a
 * grade) and the first that matches gives the grade; LOW when none matches. {@code blockAt} is the
 * grade from which a promotion waits for approvals. Load one with {@link #parse(String)} (YAML or
 * JSON) or take {@link #defaults()}.
 */
public record SeverityPolicy(
    List<SeverityRule> rules, Map<TransformationType, Double> weights, Severity blockAt) {
  public SeverityPolicy {
    rules =
        rules.stream()
            .sorted(Comparator.comparing(SeverityRule::severity).reversed())
            .toList(); // stable: file order kept within a grade
    EnumMap<TransformationType, Double> w = new EnumMap<>(TransformationType.class);
    w.put(TransformationType.DIRECT, 1.0);
    w.put(TransformationType.INDIRECT, 1.0);
    w.putAll(weights);
    weights = Map.copyOf(w);
    Objects.requireNonNull(blockAt, "blockAt");
  }

  /** The built-in policy, {@code default-severity-policy.yaml} next to this class. */
  public static SeverityPolicy defaults() {
    try (InputStream in =
        SeverityPolicy.class.getResourceAsStream("default-severity-policy.yaml")) {
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LineageException e) {
      throw new IllegalStateException("the built-in severity policy is invalid", e);
    }
  }

  /** Reads a policy from YAML (JSON is YAML too); the error names the offending entry. */
  public static SeverityPolicy parse(String text) throws LineageException {
    return PolicyDocument.read(text);
  }

  public double weight(AffectedAsset asset) {
    return weights.get(asset.direct() ? TransformationType.DIRECT : TransformationType.INDIRECT);
  }

  public SeverityAssessment classify(Impact impact) {
    return classify(impact.affectedAssets(), impact.reachedColumnCount());
  }

  public SeverityAssessment classify(List<AffectedAsset> assets, int reachedColumns) {
    for (SeverityRule rule : rules) {
      List<AffectedAsset> selected = assets.stream().filter(rule::selects).toList();
      double weight = selected.stream().mapToDouble(this::weight).sum();
      if (!selected.isEmpty() && weight >= rule.atLeast()) {
        String reason =
            String.format(
                Locale.ROOT,
                "%s because rule '%s' matched: %s reached (weight %s, threshold %s)",
                rule.severity(),
                rule.name(),
                describe(selected),
                number(weight),
                number(rule.atLeast()));
        return new SeverityAssessment(
            rule.severity(),
            java.util.Optional.of(rule.name()),
            selected,
            rule.severity().atLeast(blockAt),
            reason);
      }
    }
    String reason =
        assets.isEmpty()
            ? String.format(
                Locale.ROOT,
                "LOW because no asset is reached (%d downstream column%s)",
                reachedColumns,
                reachedColumns == 1 ? "" : "s")
            : "LOW because no rule matched the "
                + assets.size()
                + " reached asset"
                + (assets.size() == 1 ? "" : "s");
    return new SeverityAssessment(
        Severity.LOW, java.util.Optional.empty(), List.of(), Severity.LOW.atLeast(blockAt), reason);
  }

  private static String describe(List<AffectedAsset> assets) {
    List<String> parts = new ArrayList<>();
    for (AffectedAsset a : assets.subList(0, Math.min(5, assets.size()))) {
      var asset = a.asset();
      parts.add(
          asset.id()
              + " ("
              + asset.criticality()
              + asset.environment().map(e -> ", " + e).orElse("")
              + ", owner "
              + asset.owner()
              + (a.direct() ? ", direct" : ", indirect")
              + ")");
    }
    String more = assets.size() > 5 ? " and " + (assets.size() - 5) + " more" : "";
    return parts.stream().collect(Collectors.joining(", ")) + more;
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
