package dev.schemagate.crds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed CRD YAML must be exactly what the generator makes of the current classes. */
class CommittedCrdsTest {
  private static final String HOW_TO_FIX =
      "the committed CRDs under crds/generated/ are stale: run "
          + "`./mvnw -pl crds -am process-classes -Dcrds.update` and commit the result";

  private final Path generated = Path.of(System.getProperty("crds.generated"));
  private final Path committed = Path.of(System.getProperty("crds.committed"));

  @Test
  void shouldCommitExactlyTheGeneratedCrds() throws IOException {
    assertThat(names(committed)).as(HOW_TO_FIX).isEqualTo(names(generated));
    for (String file : names(generated)) {
      assertThat(Files.readString(committed.resolve(file)))
          .as(HOW_TO_FIX + " (" + file + ")")
          .isEqualTo(Files.readString(generated.resolve(file)));
    }
  }

  @Test
  void shouldShipEveryKindInTheJar() {
    assertThat(CrdManifests.all())
        .extracting(crd -> crd.getSpec().getNames().getShortNames().get(0))
        .containsExactly("dsch", "dc", "promo");
  }

  @Test
  void shouldNotClaimDaemonSetsShortName() {
    // kubectl resolves "ds" to DaemonSet whatever a CRD says: offering it only misleads.
    assertThat(CrdManifests.all())
        .allSatisfy(
            crd -> assertThat(crd.getSpec().getNames().getShortNames()).doesNotContain("ds"))
        .allSatisfy(
            crd -> assertThat(crd.getSpec().getNames().getCategories()).contains("schemagate"));
  }

  private static java.util.List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
