package dev.schemagate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.cli.monitor.BackgroundDriftPublisher;
import dev.schemagate.cli.monitor.DriftPublisher;
import dev.schemagate.core.metrics.MetricsServer;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.drift.DriftConsumer;
import dev.schemagate.sdk.drift.DriftMonitor;
import dev.schemagate.sdk.drift.DriftPolicy;
import dev.schemagate.sdk.drift.FieldDrift;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schemagate monitor --bootstrap-servers B --topic T}: watches a topic's data for drift
 * against a baseline window, prints every breach and, with {@code --registry}, records each change
 * of breaches in the registry for the operator to show on the DataContract.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Watches a topic of JSON or Avro records for data drift: per-field null rate, distinct"
          + " values, quantiles and categories of a sliding window against the first window (the"
          + " baseline); PSI, Kolmogorov-Smirnov and new-category tests. Nested fields are"
          + " dotted paths.",
      "Thresholds and window: the flags, else the contract's spec.drift (defaults and per-field),"
          + " else window 10000, step 1000, psi 0.2, ks 0.2, nullRate 0.1, newCategoryShare 0.05.",
      "Exit 0 no breach, 1 a breach, 2 invalid input."
    })
final class MonitorCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long the monitor, done, waits for its last drift report: the registry client's budget. */
  private static final java.time.Duration REPORT_CLOSE_WAIT = java.time.Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--bootstrap-servers",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Kafka brokers; none answering within 15 s is exit 2.")
  String bootstrap;

  @Option(names = "--topic", required = true, description = "The topic to watch.")
  String topic;

  @Option(
      names = "--contract",
      paramLabel = "FILE|NAME",
      description =
          "A DataContract YAML file, or the name of one under --contracts-dir (spec.drift;"
              + " its name and namespace label the reports).")
  String contract;

  @Option(
      names = "--contracts-dir",
      paramLabel = "DIR",
      defaultValue = "contracts",
      description = "Where a contract NAME is looked up (default: ${DEFAULT-VALUE}).")
  Path contractsDir;

  @Option(names = "--window", description = "Records per window (default 10000).")
  Integer window;

  @Option(names = "--step", description = "Compare every STEP records (default 1000).")
  Integer step;

  @Option(names = "--psi", description = "Population stability index threshold (default 0.2).")
  Double psi;

  @Option(names = "--ks", description = "Kolmogorov-Smirnov statistic threshold (default 0.2).")
  Double ks;

  @Option(names = "--null-rate", description = "Largest null-rate change (default 0.1).")
  Double nullRate;

  @Option(
      names = "--new-category-share",
      description = "Largest share of values the baseline never saw (default 0.05).")
  Double newCategoryShare;

  @Option(
      names = "--ks-p-value",
      description = "Also flag a number field whose KS p-value falls below this (off by default).")
  Double ksPValue;

  @Option(
      names = "--max-records",
      defaultValue = "9223372036854775807",
      description = "Stop after this many records (default: no limit).")
  long maxRecords;

  @Option(
      names = "--idle-timeout",
      defaultValue = "PT876000H",
      description =
          "Stop when no record arrived for this long (ISO-8601, e.g. PT30S; default: never).")
  Duration idle;

  @Option(names = "--group", description = "Consumer group (default: schemagate-monitor-TOPIC).")
  String group;

  @Option(
      names = "--registry",
      paramLabel = "URL",
      defaultValue = "${env:SCHEMAGATE_REGISTRY_URL}",
      description =
          "The schema registry (default: $SCHEMAGATE_REGISTRY_URL): decodes Avro values, and"
              + " with --contract records every change of breaches there for the DataContract's"
              + " status, event and notice.")
  String registry;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "The DataContract's namespace (default: the file's, else 'default').")
  String namespace;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Serve GET /metrics (Prometheus text) on this port while monitoring:"
              + " schemagate_drift_breaches_total{field,test}, schemagate_drift_psi{field}.")
  Integer metricsPort;

  @Mixin RegistryOptions access;

  @Override
  public Integer call() {
    if (maxRecords <= 0) {
      throw new CliException(CliException.Reason.USAGE, "--max-records must be positive");
    }
    Optional<JsonNode> resource =
        Optional.ofNullable(contract).map(c -> ContractFiles.resource(c, contractsDir));
    DriftPolicy policy = policy(resource.map(ContractFiles::spec));
    PrintWriter out = spec.commandLine().getOut();
    Optional<SchemaRegistryClient> client =
        Optional.ofNullable(registry).filter(r -> !r.isBlank()).map(access::boundedClient);
    try {
      Optional<DriftPublisher> publisher =
          client.flatMap(
              c ->
                  resource.map(
                      r ->
                          new DriftPublisher(
                              c,
                              Optional.ofNullable(namespace)
                                  .orElse(r.at("/metadata/namespace").asText("default")),
                              r.at("/metadata/name").asText(contract),
                              topic,
                              Clock.systemUTC())));
      return monitor(policy, client, publisher, out);
    } finally {
      client.ifPresent(SchemaRegistryClient::close);
    }
  }

  private int monitor(
      DriftPolicy policy,
      Optional<SchemaRegistryClient> client,
      Optional<DriftPublisher> publisher,
      PrintWriter out) {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (MetricsServer server = metricsServer(meters)) {
      return run(policy, client, publisher, out, meters);
    }
  }

  /** The metrics port when one was asked for, else null (try-with-resources skips it). */
  private MetricsServer metricsServer(PrometheusMeterRegistry meters) {
    if (metricsPort == null) {
      return null;
    }
    try {
      return new MetricsServer(metricsPort, meters::scrape);
    } catch (java.io.IOException | RuntimeException e) {
      throw new CliException(
          CliException.Reason.USAGE, "--metrics-port " + metricsPort + ": " + e.getMessage());
    }
  }

  private int run(
      DriftPolicy policy,
      Optional<SchemaRegistryClient> client,
      Optional<DriftPublisher> publisher,
      PrintWriter out,
      MeterRegistry meters) {
    long[] breaches = {0};
    DriftMonitor[] holder = new DriftMonitor[1];
    // reports go out on their own thread: a registry that hangs must not hold the records
    Optional<BackgroundDriftPublisher> reports =
        publisher.map(
            p ->
                new BackgroundDriftPublisher(
                    p,
                    recorded -> {
                      out.println("drift report recorded in " + registry);
                      out.flush();
                    },
                    e ->
                        spec.commandLine()
                            .getErr()
                            .println(
                                "drift report not recorded in " + registry + ": " + e.getMessage()),
                    REPORT_CLOSE_WAIT));
    DriftMonitor monitor =
        new DriftMonitor(
            policy,
            meters,
            fields -> {
              breaches[0]++;
              out.println(line(fields));
              out.flush();
            },
            fields -> reports.ifPresent(r -> r.offer(fields, holder[0].records())));
    holder[0] = monitor;
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrap);
    props.put("group.id", Optional.ofNullable(group).orElse("schemagate-monitor-" + topic));
    client.ifPresent(
        c -> {
          props.put(SdkConfig.REGISTRY_URL, registry);
          props.put(SdkConfig.REGISTRY_CLIENT, c);
        });
    DriftConsumer.Summary summary;
    try {
      summary = DriftConsumer.run(props, topic, monitor, maxRecords, idle, breaches);
    } catch (KafkaException e) {
      throw new CliException(CliException.Reason.USAGE, "Kafka: " + e.getMessage());
    } finally {
      reports.ifPresent(BackgroundDriftPublisher::close); // the last report, within its wait
    }
    out.printf(
        "monitored %d records of %s (%d unreadable%s); %d breach report(s)%n",
        summary.records(),
        topic,
        summary.skipped(),
        summary
            .firstSkipReason()
            .map(r -> ", first: " + r.replace(SdkConfig.REGISTRY_URL, "--registry"))
            .orElse(""),
        summary.breaches());
    out.flush();
    return summary.breaches() == 0 ? Schemagate.OK : Schemagate.INCOMPATIBLE;
  }

  /** The contract's {@code spec.drift} with the flags written over its defaults. */
  private DriftPolicy policy(Optional<JsonNode> contractSpec) {
    ObjectNode drift =
        contractSpec
            .map(s -> s.get("drift"))
            .filter(JsonNode::isObject)
            .map(d -> ((ObjectNode) d).deepCopy())
            .orElseGet(JSON::createObjectNode);
    if (contractSpec
        .map(s -> s.get("drift"))
        .filter(d -> !d.isNull() && !d.isObject())
        .isPresent()) {
      throw new CliException(CliException.Reason.USAGE, "spec.drift must be an object");
    }
    Map<String, Object> flags = new java.util.LinkedHashMap<>();
    flags.put("window", window);
    flags.put("step", step);
    flags.put("psi", psi);
    flags.put("ks", ks);
    flags.put("nullRate", nullRate);
    flags.put("newCategoryShare", newCategoryShare);
    flags.put("ksPValue", ksPValue);
    flags.forEach(
        (key, value) -> {
          if (value != null) {
            drift.set(key, JSON.valueToTree(value));
          }
        });
    try {
      return DriftPolicy.fromSpec(Optional.of(drift));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          CliException.Reason.USAGE,
          e.getMessage()
              + " (from "
              + (contract == null ? "the flags" : "the flags or " + contract)
              + ")");
    }
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
}
