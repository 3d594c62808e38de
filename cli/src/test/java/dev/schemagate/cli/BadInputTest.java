package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input exits 2 with one line on stderr naming the problem, never a trace. */
class BadInputTest {
  @TempDir Path dir;

  @BeforeEach
  void writeFiles() throws IOException {
    Files.copy(Path.of(CompatCommandTest.fixture("order-v1.avsc")), dir.resolve("good.avsc"));
    Files.copy(Path.of(CompatCommandTest.fixture("customer-v1.json")), dir.resolve("good.json"));
    Files.writeString(
        dir.resolve("truncated.avsc"),
        "{\"type\": \"record\",\n \"name\": \"Order\",\n \"fields\": [");
    Files.writeString(
        dir.resolve("not-a-schema.avsc"), "{\"type\": \"record\", \"name\": \"Order\"}");
    Files.writeString(
        dir.resolve("bad-type.json"),
        "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"strng\"}}}");
    Files.write(
        dir.resolve("garbage.avsc"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});
    Files.writeString(dir.resolve("nul.json"), "\u0000\u0001{}");
    Files.writeString(dir.resolve("schema.txt"), "{\"type\":\"string\"}");
    Files.createDirectory(dir.resolve("folder.avsc"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown mode                | compat --mode SIDEWAYS good.avsc good.avsc      | '--mode'
          unknown output              | compat --output yaml good.avsc good.avsc       | '--output'
          unknown format              | compat --format xml good.avsc good.avsc        | '--format'
          missing file                | compat good.avsc missing.avsc                  | missing.avsc: no such file
          only one file               | compat good.avsc                               | requires at least 2 values
          binary garbage              | compat good.avsc garbage.avsc                  | garbage.avsc: not UTF-8 text
          control characters          | compat good.json nul.json                      | nul.json: JSON Schema is not valid JSON: line 1
          truncated JSON              | compat good.avsc truncated.avsc                | truncated.avsc: Avro schema is not valid JSON: line 3
          invalid Avro                | compat good.avsc not-a-schema.avsc             | not-a-schema.avsc: invalid Avro schema: Record has no fields
          metaschema violation        | compat good.json bad-type.json                 | bad-type.json: JSON Schema is not a valid draft-07 schema: at /properties/a/type
          mixed formats               | compat good.avsc good.json                     | files mix formats
          unknown extension           | compat good.avsc schema.txt                    | cannot tell the format of
          a directory                 | compat good.avsc folder.avsc                   | is a directory
          unknown subcommand          | validate good.avsc                             | Unmatched argument
          fingerprint of garbage      | fingerprint garbage.avsc                       | not UTF-8 text
          """)
  void shouldExitTwoWithOneLineNamingTheProblem(String name, String args, String expected) {
    List<String> argv = new ArrayList<>();
    for (String arg : args.isBlank() ? new String[0] : args.trim().split("\\s+")) {
      argv.add(arg.contains(".") ? dir.resolve(arg).toString() : arg);
    }

    CliRun run = CliRun.of(argv.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("schemagate")
        .contains(expected)
        .doesNotContain("Exception", "\tat ");
  }
}
