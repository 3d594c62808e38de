package dev.schemagate.cli;

import static dev.schemagate.cli.CompatCommandTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.cli.check.ParquetFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar itself, as a user runs it: {@code java -jar cli/target/schemagate.jar}. */
class SchemagateJarIT {
  private static final Path JAR = Path.of("target", "schemagate.jar");

  record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  @Test
  void shouldDelegateChaosToTheChaosJar() throws Exception {
    // cli/ is the working directory: the checkout's chaos jar is ../chaos/target.
    Path chaosJar = Path.of("..", "chaos", "target", "schemagate-chaos.jar");
    assertThat(Files.exists(chaosJar)).as("chaos is built before cli").isTrue();
    String java = ProcessHandle.current().info().command().orElse("java");
    var builder =
        new ProcessBuilder(
            java, "-jar", JAR.toString(), "chaos", "run", "disk-full", "--report", "x");
    builder.environment().put("SCHEMAGATE_CHAOS_JAR", chaosJar.toString());
    Process process = builder.redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isEqualTo(2);
    assertThat(out).contains("schemagate chaos: unknown experiment 'disk-full': choose from");
  }

  @Test
  void shouldRunFromTheShadedJarWithTheDocumentedExitCodes() throws Exception {
    assertThat(Files.exists(JAR)).as("run after package: " + JAR.toAbsolutePath()).isTrue();

    Result compatible =
        run("compat", fixture("order-v1.avsc"), fixture("order-v2-compatible.avsc"));
    Result incompatible =
        run("compat", fixture("order-v1.avsc"), fixture("order-v3-breaking.avsc"));
    Result missing = run("compat", fixture("order-v1.avsc"), "no-such-file.avsc");

    assertThat(compatible.exitCode()).isZero();
    assertThat(compatible.err()).isEmpty();
    assertThat(incompatible.exitCode()).isEqualTo(1);
    assertThat(incompatible.out()).contains("BREAKING /fields/amount/type");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().lines().toList())
        .containsExactly("schemagate compat: no-such-file.avsc: no such file");
  }

  /**
   * The jar carries only the hadoop classes parquet-java loads (the poms exclude the rest): a check
   * of Parquet files in every common codec proves none is missing, and that nothing of hadoop's
   * logs on the way.
   */
  @Test
  void shouldCheckParquetFilesOfEveryCommonCodecFromTheShadedJar(@TempDir Path dir)
      throws Exception {
    String contract =
        Path.of(SchemagateJarIT.class.getResource("check/orders-contract.yaml").toURI()).toString();
    for (CompressionCodecName codec :
        List.of(
            CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY,
            CompressionCodecName.GZIP,
            CompressionCodecName.ZSTD,
            CompressionCodecName.LZ4_RAW)) {
      Path file =
          ParquetFixtures.write(
              dir.resolve(codec + ".parquet"),
              ParquetFixtures.ORDERS,
              codec,
              List.of(
                  ParquetFixtures.order("o-1", 100, "EUR", "c-001"),
                  ParquetFixtures.order("o-2", 200, "GBP", "c-002")));

      Result result = run("check", "--contract", contract, "--source", file.toString());

      assertThat(result.exitCode()).as(codec + ": " + result.out() + result.err()).isEqualTo(1);
      // JDK 24+ warns once that hadoop's shaded Guava uses sun.misc.Unsafe; nothing else
      assertThat(result.err().lines().filter(l -> !l.startsWith("WARNING: ")))
          .as(codec + ": " + result.err())
          .isEmpty();
      assertThat(result.err()).doesNotContain("native access").doesNotContain("System::load");
      assertThat(result.out()).contains("| `accepted_values(currency)` | error | **FAILED** | 1 |");
    }
    Result notParquet = run("check", "--contract", contract, "--source", contract + ".parquet");
    assertThat(notParquet.exitCode()).isEqualTo(2);
  }
}
