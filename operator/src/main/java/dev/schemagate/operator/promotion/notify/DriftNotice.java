package dev.schemagate.operator.promotion.notify;

import java.util.List;

/**
 * What a notification says about data drift on a DataContract's topic. Read by the templates
 * ({@code drift-slack.json.mustache}, {@code drift-pagerduty.json.mustache}) by name.
 *
 * @param event {@code breached} (new or changed breaches) or {@code recovered} (none any more)
 * @param source the topic monitored
 * @param breaches one line per threshold crossed, e.g. {@code amount: psi 0.41 > 0.20}
 */
public record DriftNotice(
    String event,
    String namespace,
    String contract,
    String owner,
    String source,
    long records,
    String at,
    List<String> breaches) {
  public DriftNotice {
    breaches = List.copyOf(breaches);
  }

  public boolean breached() {
    return event.equals("breached");
  }

  public boolean recovered() {
    return event.equals("recovered");
  }

  /** One incident per contract: a recovery resolves what the breach triggered. */
  public String dedupKey() {
    return "schemagate/drift/" + namespace + "/" + contract;
  }
}
