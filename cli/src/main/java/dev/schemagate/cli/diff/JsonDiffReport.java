package dev.schemagate.cli.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code --format json}: the whole report as one object, for machines. */
public final class JsonDiffReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonDiffReport() {}

  public static String render(DiffReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("breaking", report.breaking());
    root.put("base", report.base());
    root.put("head", report.head());
    root.put("suggestedBump", report.bump().name());
    ArrayNode schemas = root.putArray("schemas");
    for (SchemaDiff schema : report.schemas()) {
      ObjectNode node = schemas.addObject();
      node.put("subject", schema.subject());
      node.put("status", schema.status().name());
      node.put("breaking", schema.breaking());
      node.put("file", schema.file());
      node.put("line", schema.line());
      node.put("compatibility", schema.level().name());
      node.put("checkedAgainst", schema.checkedAgainst());
      node.put("suggestedBump", schema.bump().name());
      schema.head().flatMap(h -> h.configMap()).ifPresent(c -> node.put("configMap", c));
      ArrayNode notes = node.putArray("notes");
      schema.notes().forEach(notes::add);
      ArrayNode changes = node.putArray("changes");
      for (LocatedChange change : schema.changes()) {
        ObjectNode c = changes.addObject();
        c.put("path", change.path());
        c.put("type", change.type());
        c.put("breaking", change.breaking());
        c.put("message", change.message());
        change.fix().ifPresent(f -> c.put("suggestedFix", f));
        c.put("file", change.file());
        c.put("line", change.line());
      }
    }
    ArrayNode contracts = root.putArray("contracts");
    for (ContractDiff contract : report.contracts()) {
      ObjectNode node = contracts.addObject();
      node.put("id", contract.id());
      node.put("status", contract.status().name());
      node.put("schemaRef", contract.schemaRef());
      node.put("file", contract.file());
      ArrayNode items = node.putArray("changes");
      for (ContractDiff.Item item : contract.changes()) {
        ObjectNode i = items.addObject();
        i.put("path", item.path());
        i.put("change", item.change());
        i.put("risky", item.risky());
        i.put("line", item.line());
      }
    }
    report
        .impact()
        .ifPresent(
            impact -> {
              ArrayNode subjects = root.putArray("impact");
              for (ImpactReport.SubjectImpact subject : impact.subjects()) {
                ObjectNode node = subjects.addObject();
                node.put("subject", subject.subject());
                node.put("severity", subject.severity());
                node.put("blocking", subject.blocking());
                node.put("reason", subject.reason());
                subject.fields().forEach(node.withArray("fields")::add);
                node.put("reachedColumns", subject.reachedColumns());
                ArrayNode assets = node.putArray("assets");
                for (ImpactReport.Asset asset : subject.assets()) {
                  ObjectNode a = assets.addObject();
                  a.put("id", asset.id());
                  a.put("kind", asset.kind());
                  a.put("name", asset.name());
                  a.put("owner", asset.owner());
                  a.put("criticality", asset.criticality());
                  a.put("direct", asset.direct());
                  a.put("streaming", asset.streaming());
                  a.put("path", asset.path());
                }
              }
            });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the diff report as JSON", e);
    }
  }
}
