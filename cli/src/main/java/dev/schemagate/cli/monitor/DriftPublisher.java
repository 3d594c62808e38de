package dev.schemagate.cli.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.sdk.drift.FieldDrift;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records drift reports in the registry ({@code POST /api/v1/drift-reports}, through the registry
 * client and its credentials), where the operator reads the latest one into the DataContract's
 * status, an event and a notice. Only a change is sent: the first comparison, then whenever the set
 * of breached field/test pairs changes (a new breach, or the recovery to none), so a long breach is
 * one report, not one per comparison.
 */
public final class DriftPublisher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistryClient client;
  private final String namespace;
  private final String contract;
  private final String topic;
  private final Clock clock;
  private Set<String> lastSent;

  public DriftPublisher(
      SchemaRegistryClient client, String namespace, String contract, String topic, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.contract = contract;
    this.topic = topic;
    this.clock = clock;
  }

  /**
   * Sends the comparison when its breaches differ from the last ones sent.
   *
   * @return whether a report was recorded
   * @throws RegistryException when the registry refused or did not answer (sent again next time)
   */
  public boolean publish(List<FieldDrift> fields, long records) throws RegistryException {
    Set<String> breached = new TreeSet<>();
    fields.forEach(f -> f.breaches().forEach(b -> breached.add(f.field() + "/" + b.test())));
    if (breached.equals(lastSent)) {
      return false;
    }
    client.drift().record(namespace, report(fields, records));
    lastSent = breached;
    return true;
  }

  ObjectNode report(List<FieldDrift> fields, long records) {
    ObjectNode report = JSON.createObjectNode();
    report.put("contract", contract);
    report.put("at", clock.instant().toString());
    report.put("source", topic);
    report.put("records", records);
    ArrayNode list = report.putArray("fields");
    for (FieldDrift f : fields) {
      ObjectNode field = list.addObject();
      field.put("field", f.field());
      field.put("baselineNullRate", f.baselineNullRate());
      field.put("nullRate", f.nullRate());
      field.put("distinct", f.distinct());
      field.put("psi", f.psi());
      f.ks().ifPresent(ks -> field.put("ks", ks));
      f.quantiles()
          .ifPresent(
              q -> {
                field.put("p50", q[0]);
                field.put("p95", q[1]);
              });
      ArrayNode top = field.putArray("topCategories");
      f.topCategories().forEach(top::add);
      ArrayNode breaches = field.putArray("breaches");
      for (FieldDrift.Breach b : f.breaches()) {
        breaches
            .addObject()
            .put("test", b.test())
            .put("value", b.value())
            .put("threshold", b.threshold());
      }
    }
    return report;
  }
}
