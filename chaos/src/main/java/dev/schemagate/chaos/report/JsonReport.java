package dev.schemagate.chaos.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.chaos.run.Timeline;
import dev.schemagate.chaos.spec.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code report.json}: everything the run measured, for machines (CI asserts on it). */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static void write(Path file, RunReport run) throws IOException {
    JSON.writeValue(file.toFile(), tree(run));
  }

  static ObjectNode tree(RunReport run) {
    ObjectNode root = JSON.createObjectNode();
    root.put("started", run.started().toString());
    root.put("scale", run.scaleName());
    root.put("passed", run.passed());
    ArrayNode experiments = root.putArray("experiments");
    for (ExperimentReport report : run.experiments()) {
      var result = report.result();
      ObjectNode e = experiments.addObject();
      e.put("name", result.name());
      e.put("hypothesis", result.hypothesis());
      e.put("fault", result.fault());
      e.put("steady_state_held", result.steadyStateHeld());
      e.put("passed", report.passed());
      long fault = result.timeline().first("fault").map(Timeline.Event::atMs).orElse(-1L);
      if (fault >= 0) {
        e.put("fault_at_s", fault / 1000.0);
      }
      ArrayNode stages = e.putArray("stages");
      for (var mark : result.timeline().stages()) {
        var stage = report.scenario().stage(mark.stage());
        ObjectNode s = stages.addObject();
        s.put("stage", mark.stage().label());
        s.put("at_s", mark.atMs() / 1000.0);
        s.put("after_fault_s", (mark.atMs() - fault) / 1000.0);
        s.put("signal", mark.signal());
        s.put("measured", mark.value());
        s.put("budget", Durations.format(stage.budget()));
        s.put("within_budget", mark.atMs() - fault <= stage.budget().toMillis());
        s.put("action", stage.action());
        s.put("owner", stage.owner());
      }
      ArrayNode objectives = e.putArray("objectives");
      for (Verdict v : report.verdicts()) {
        ObjectNode o = objectives.addObject();
        o.put("name", v.objective().name());
        o.put("metric", v.objective().metric());
        o.put("op", v.objective().op().symbol());
        o.put("target", v.objective().target());
        if (v.measured().isPresent()) {
          o.put("measured", v.measured().getAsDouble());
        } else {
          o.putNull("measured");
        }
        o.put("met", v.met());
      }
      ObjectNode measurements = e.putObject("measurements");
      result.measurements().forEach((k, v) -> putNumber(measurements, k, v));
      e.set("accounting", JSON.valueToTree(result.accounting()));
      ArrayNode events = e.putArray("events");
      for (var event : result.timeline().events()) {
        events
            .addObject()
            .put("at_s", event.atMs() / 1000.0)
            .put("kind", event.kind())
            .put("detail", event.detail());
      }
      e.set("notes", JSON.valueToTree(result.notes()));
      ArrayNode samples = e.putArray("samples");
      for (var sample : result.timeline().samples()) {
        ObjectNode s = samples.addObject().put("at_s", sample.atMs() / 1000.0);
        for (String key : SAMPLED) {
          Double value = sample.values().get(key);
          if (value != null) {
            putNumber(s, key, value);
          }
        }
      }
    }
    return root;
  }

  static final List<String> SAMPLED =
      List.of(
          "produced_rate",
          "consumed_rate",
          "dead_lettered_rate",
          "consumer_lag",
          "registry_up",
          "registry_write_ok",
          "redis_up",
          "group_members",
          "producer_pending");

  private static void putNumber(ObjectNode node, String key, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      node.putNull(key);
    } else {
      node.put(key, Math.round(value * 1000) / 1000.0);
    }
  }
}
