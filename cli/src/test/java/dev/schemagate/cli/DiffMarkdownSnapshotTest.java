package dev.schemagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.cli.diff.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PR comment, byte for byte, against committed snapshots under {@code
 * src/test/resources/dev/schemagate/cli/diff/}. After an intended change to the comment, rewrite
 * them with {@code -Dsnapshots.update=true} and review the diff.
 */
class DiffMarkdownSnapshotTest {
  static final Path SNAPSHOTS = Path.of("src/test/resources/dev/schemagate/cli/diff");

  @TempDir Path dir;

  @Test
  void shouldRenderABreakingPullRequestAsTheSnapshot() throws IOException {
    try (GitFixture git = GitFixture.init(dir)) {
      git.copySample("schemas/orders/orders-v1.yaml", "schemas/orders/orders.yaml")
          .copySample("schemas/user-events/user-events-v1.yaml", "schemas/user-events.yaml")
          .copySample("contracts/orders.yaml", "contracts/orders.yaml")
          .commit("base");
      git.branch("main-base");
      String contract = Files.readString(dir.resolve("contracts/orders.yaml"));
      git.copySample("schemas/orders/orders-v3-BREAKING.yaml", "schemas/orders/orders.yaml")
          .copySample("schemas/user-events/user-events-v2.yaml", "schemas/user-events.yaml")
          .write(
              "contracts/orders.yaml",
              contract.replace("  sla:", "    - {field: amount, rule: not_null}\n  sla:"))
          .commit("head");

      CliRun run = CliRun.of("diff", "--repo", dir.toString(), "--base", "main-base");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      assertMatchesSnapshot("breaking-pr.md", run.out());
    }
  }

  @Test
  void shouldRenderACompatiblePullRequestAsTheSnapshot() throws IOException {
    try (GitFixture git = GitFixture.init(dir)) {
      git.copySample("schemas/orders/orders-v1.yaml", "schemas/orders/orders.yaml").commit("base");
      git.branch("main-base");
      git.copySample("schemas/orders/orders-v2.yaml", "schemas/orders/orders.yaml").commit("head");

      CliRun run = CliRun.of("diff", "--repo", dir.toString(), "--base", "main-base");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertMatchesSnapshot("compatible-pr.md", run.out());
    }
  }

  static void assertMatchesSnapshot(String name, String actual) throws IOException {
    Path snapshot = SNAPSHOTS.resolve(name);
    if (Boolean.getBoolean("snapshots.update")) {
      Files.createDirectories(SNAPSHOTS);
      Files.writeString(snapshot, actual);
    }
    assertThat(snapshot).as("snapshot missing: run with -Dsnapshots.update=true").exists();
    assertThat(actual).isEqualTo(Files.readString(snapshot));
  }
}
