package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Usage errors of {@code schemagate dlq replay} exit 2 with a one-line reason (no Kafka needed).
 */
class DlqReplayCommandTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no destination | replay --bootstrap-servers k:9092 --dlq-topic t.dlq | --to-original",
        "two destinations | replay --bootstrap-servers k:9092 --dlq-topic t.dlq --to-original --to-topic x | mutually exclusive",
        "no dlq topic | replay --bootstrap-servers k:9092 --to-original | --dlq-topic",
        "no subcommand | '' | missing subcommand",
        "zero records | replay --bootstrap-servers k:9092 --dlq-topic t --to-original --max-records 0 | must be positive",
      })
  void shouldRefuseBadUsageWithExitCode2(String name, String args, String message) {
    var err = new StringWriter();
    var command = new CommandLine(new DlqReplayCommand()).setErr(new PrintWriter(err));

    int exit = command.execute(args.isBlank() ? new String[0] : args.split(" "));

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(message);
  }
}
