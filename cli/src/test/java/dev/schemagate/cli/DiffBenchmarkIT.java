package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.cli.diff.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark of issue 14: {@code schemagate diff} on a repository of 1,000 DataSchemas (in 20
 * directories) where 50 changed (45 compatibly, 5 breaking), each run a cold JVM running the shaded
 * jar, as CI does. Prints every run and the median; fails above a generous bound (the target is 3
 * s; the machine that runs this is shared).
 */
class DiffBenchmarkIT {
  static final int SCHEMAS = 1_000;
  static final int CHANGED = 50;
  static final int RUNS = 5;

  @TempDir Path dir;

  @Test
  void shouldDiffAThousandSchemaRepositoryWithFiftyChangesInAColdJvm() throws Exception {
    Path jar = Path.of("target", "schemagate.jar");
    assertThat(jar).as("run after package").exists();
    try (GitFixture git = GitFixture.init(dir)) {
      for (int i = 0; i < SCHEMAS; i++) {
        git.write(path(i), manifest(i, false, false));
      }
      git.commit("1000 schemas");
      git.branch("base");
      for (int i = 0; i < CHANGED; i++) {
        int which = i * (SCHEMAS / CHANGED);
        git.write(path(which), manifest(which, true, i % 10 == 0));
      }
      git.commit("50 changed");
    }
    long plain = median("default JVM flags", List.of(), jar);
    long tuned =
        median(
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC (as action.yml runs it)",
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
            jar);
    assertThat(Math.min(plain, tuned)).as("median ms").isLessThan(15_000);
  }

  private long median(String label, List<String> flags, Path jar) throws Exception {
    long[] millis = new long[RUNS];
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int run = 0; run < RUNS; run++) {
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(flags);
      command.addAll(
          List.of(
              "-jar",
              jar.toString(),
              "diff",
              "--repo",
              dir.toString(),
              "--base",
              "base",
              "--format",
              "json"));
      long start = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      millis[run] = (System.nanoTime() - start) / 1_000_000;
      assertThat(process.exitValue()).as(out.lines().limit(3).toList().toString()).isEqualTo(1);
      assertThat(out.split("\"subject\"", -1)).hasSize(CHANGED + 1);
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "DiffBenchmarkIT: %d schemas, %d changed, %s, cold JVM runs (ms) %s, median %d ms%n",
        SCHEMAS, CHANGED, label, Arrays.toString(millis), sorted[RUNS / 2]);
    return sorted[RUNS / 2];
  }

  private static String path(int i) {
    return "schemas/domain-%02d/schema-%04d.yaml".formatted(i % 20, i);
  }

  private static String manifest(int i, boolean changed, boolean breaking) {
    String extra =
        changed
            ? breaking
                ? ",\n        {\"name\": \"required%d\", \"type\": \"string\"}".formatted(i)
                : ",\n        {\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null}"
            : "";
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata:
          name: subject-%1$04d-value
          namespace: bench
        spec:
          format: AVRO
          compatibility: BACKWARD
          schema: |
            {"type": "record", "name": "Record%1$04d", "namespace": "bench", "fields": [
                {"name": "id", "type": "string"},
                {"name": "amount", "type": "long"},
                {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}%2$s
              ]}
        """
        .formatted(i, extra);
  }
}
