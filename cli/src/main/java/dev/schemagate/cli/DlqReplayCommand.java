package dev.schemagate.cli;

import dev.schemagate.sdk.dlq.DlqReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code schemagate dlq replay}: re-sends dead-lettered records, bytes unchanged, to their original
 * topic or to a chosen one, once the cause is fixed. Exit 0 done, 1 Kafka failed, 2 bad usage.
 */
@Command(
    name = "dlq",
    description = "Dead-letter queue tools for topics guarded by the schemagate SDK.",
    mixinStandardHelpOptions = true,
    subcommands = {DlqReplayCommand.Replay.class})
public final class DlqReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: replay");
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Re-send the records of a dead-letter topic (key, value and original headers unchanged).",
        "Progress is committed with the re-sent records in one transaction: an interrupted replay"
            + " resumes where it stopped and sends nothing twice."
      })
  static final class Replay implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]")
    String bootstrapServers;

    @Option(names = "--dlq-topic", required = true, paramLabel = "TOPIC")
    String dlqTopic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    static final class Destination {
      @Option(
          names = "--to-original",
          description = "Send each record back to the topic named in its DLQ headers.")
      boolean original;

      @Option(names = "--to-topic", paramLabel = "TOPIC", description = "Send every record here.")
      String topic;
    }

    @Option(
        names = "--group",
        defaultValue = "schemagate-dlq-replay",
        description = "Consumer group that remembers replay progress (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(
        names = "--max-records",
        defaultValue = "9223372036854775807",
        description = "Stop after this many records.")
    long maxRecords;

    @Option(
        names = "--idle-seconds",
        defaultValue = "5",
        description =
            "Stop when the DLQ had nothing new for this long (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(
        names = "--command-config",
        paramLabel = "FILE",
        description = "Kafka client properties (security settings) for the consumer and producer.")
    Path commandConfig;

    @Override
    public Integer call() {
      if (maxRecords < 1 || idleSeconds < 1) {
        throw new ParameterException(
            spec.commandLine(), "--max-records and --idle-seconds must be positive");
      }
      Map<String, Object> extra = new HashMap<>();
      extra.put("max.block.ms", 15_000);
      if (commandConfig != null) {
        extra.putAll(load(commandConfig));
      }
      DlqReplayer.Target target =
          destination.original
              ? new DlqReplayer.Target.Original()
              : new DlqReplayer.Target.Topic(destination.topic);
      try (var replayer = new DlqReplayer(bootstrapServers, dlqTopic, target, group, extra)) {
        var summary = replayer.replay(Duration.ofSeconds(idleSeconds), maxRecords);
        spec.commandLine()
            .getOut()
            .printf(
                "replayed %d record(s) from %s%s%n",
                summary.replayed(),
                dlqTopic,
                summary.skipped() == 0
                    ? ""
                    : "; skipped %d without an original-topic header".formatted(summary.skipped()));
        return summary.skipped() == 0 ? 0 : 1;
      } catch (KafkaException e) {
        spec.commandLine().getErr().println("schemagate dlq replay: " + e.getMessage());
        return 1;
      }
    }

    private Map<String, Object> load(Path file) {
      var props = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        props.load(in);
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), "cannot read --command-config " + file + ": " + e.getMessage());
      }
      Map<String, Object> map = new HashMap<>();
      props.forEach((k, v) -> map.put(k.toString(), v));
      return map;
    }
  }
}
