package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.sdk.drift.DriftConsumer;
import dev.schemagate.sdk.drift.DriftMonitor;
import dev.schemagate.sdk.drift.DriftThresholds;
import dev.schemagate.sdk.drift.FieldDrift;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemagate monitor --bootstrap-servers B --topic T}: watches a topic's data for drift
 * against a baseline window and prints every breach.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Watches a topic of JSON records for data drift: per-field null rate, distinct values,"
          + " quantiles and categories of a sliding window against the first window (the"
          + " baseline); PSI and Kolmogorov-Smirnov tests.",
      "Thresholds: the flags, else the contract's spec.drift {psi, ks, nullRate}, else psi 0.2,"
          + " ks 0.2, nullRate 0.1.",
      "Exit 0 no breach, 1 a breach, 2 invalid input."
    })
final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT")
  String bootstrap;

  @Option(names = "--topic", required = true)
  String topic;

  @Option(
      names = "--contract",
      paramLabel = "FILE",
      description = "DataContract YAML (spec.drift).")
  Path contract;

  @Option(names = "--window", defaultValue = "10000", description = "Records per window.")
  int window;

  @Option(names = "--step", defaultValue = "1000", description = "Compare every STEP records.")
  int step;

  @Option(names = "--psi")
  Double psi;

  @Option(names = "--ks")
  Double ks;

  @Option(names = "--null-rate")
  Double nullRate;

  @Option(names = "--max-records", defaultValue = "9223372036854775807")
  long maxRecords;

  @Option(
      names = "--idle-timeout",
      defaultValue = "PT876000H",
      description = "Stop when no record arrived for this long (ISO-8601, e.g. PT30S).")
  Duration idle;

  @Option(names = "--group", description = "Consumer group (default: schemagate-monitor-TOPIC).")
  String group;

  @Override
  public Integer call() {
    if (maxRecords <= 0) {
      throw new CliException(CliException.Reason.USAGE, "--max-records must be positive");
    }
    JsonNode drift = contract == null ? null : driftSpec(contract);
    DriftThresholds thresholds;
    DriftMonitor monitor;
    var out = spec.commandLine().getOut();
    long[] breaches = {0};
    try {
      thresholds =
          new DriftThresholds(
              pick(psi, drift, "psi", DriftThresholds.DEFAULTS.psi()),
              pick(ks, drift, "ks", DriftThresholds.DEFAULTS.ks()),
              pick(nullRate, drift, "nullRate", DriftThresholds.DEFAULTS.nullRate()));
      monitor =
          new DriftMonitor(
              window,
              step,
              thresholds,
              new SimpleMeterRegistry(),
              fields -> {
                breaches[0]++;
                out.println(line(fields));
                out.flush();
              });
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.Reason.USAGE, e.getMessage());
    }
    DriftConsumer.Summary summary;
    try {
      summary =
          DriftConsumer.run(
              Map.of(
                  "bootstrap.servers",
                  bootstrap,
                  "group.id",
                  Optional.ofNullable(group).orElse("schemagate-monitor-" + topic)),
              topic,
              monitor,
              maxRecords,
              idle,
              breaches);
    } catch (KafkaException e) {
      throw new CliException(CliException.Reason.USAGE, "Kafka: " + e.getMessage());
    }
    out.printf(
        "monitored %d records of %s (%d not JSON); %d breach report(s)%n",
        summary.records(), topic, summary.skipped(), summary.breaches());
    out.flush();
    return summary.breaches() == 0 ? Schemagate.OK : Schemagate.INCOMPATIBLE;
  }

  static String line(List<FieldDrift> fields) {
    return "DRIFT "
        + fields.stream()
            .filter(f -> !f.breaches().isEmpty())
            .map(
                f ->
                    f.field()
                        + ": "
                        + f.breaches().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("; "));
  }

  private static double pick(Double flag, JsonNode drift, String key, double fallback) {
    if (flag != null) {
      return flag;
    }
    if (drift != null && drift.has(key)) {
      JsonNode v = drift.get(key);
      try {
        return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        throw new CliException(
            CliException.Reason.USAGE,
            "spec.drift." + key + " must be a number, not '" + v.asText() + "'");
      }
    }
    return fallback;
  }

  private static JsonNode driftSpec(Path file) {
    try {
      JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(SchemaFile.read(file));
      JsonNode spec = doc != null && doc.has("spec") ? doc.get("spec") : doc;
      return spec == null ? null : spec.get("drift");
    } catch (IOException e) {
      throw new CliException(CliException.Reason.USAGE, file + ": not valid YAML");
    }
  }
}
