package dev.schemagate.operator.promotion.notify;

import java.util.List;

/**
 * What a notification says about a promotion. The lists and fields are read by the templates
 * ({@code slack.json.mustache}, {@code pagerduty.json.mustache}) by name.
 *
 * @param event {@code blocked}, {@code approved} or {@code failed}
 */
public record PromotionNotice(
    String event,
    String namespace,
    String promotion,
    String schema,
    int version,
    String from,
    String to,
    String severity,
    String reason,
    List<Asset> assets,
    List<String> missingApprovals,
    String message) {
  public PromotionNotice {
    assets = List.copyOf(assets);
    missingApprovals = List.copyOf(missingApprovals);
  }

  /** An affected asset: who owns it and the lineage path that reaches it. */
  public record Asset(String name, String kind, String owner, String criticality, String path) {}

  public boolean blocked() {
    return event.equals("blocked");
  }

  public boolean approved() {
    return event.equals("approved");
  }

  public boolean failed() {
    return event.equals("failed");
  }

  /** PagerDuty's severity: critical for a blocked CRITICAL change, error for failures. */
  public String pagerDutySeverity() {
    return switch (severity) {
      case "CRITICAL" -> "critical";
      case "HIGH" -> "error";
      default -> failed() ? "error" : "warning";
    };
  }

  /** One incident per promotion: approval resolves what blocking triggered. */
  public String dedupKey() {
    return "schemagate/promotion/" + namespace + "/" + promotion;
  }
}
