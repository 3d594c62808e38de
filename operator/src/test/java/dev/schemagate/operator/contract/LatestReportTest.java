package dev.schemagate.operator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.schemagate.registry.client.RegistryException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A contract's latest report as the status shows it, including when the registry is silent. */
class LatestReportTest {

  @Test
  void shouldShowTheReportFoundNoneWhenThereIsNoneAndKeepTheOldOneWhenTheRegistryIsSilent() {
    assertThat(LatestReport.read(() -> Optional.of("new")).shown("old")).isEqualTo("new");
    assertThat(LatestReport.<String>read(Optional::empty).shown("old")).isNull();

    LatestReport<String> silent =
        LatestReport.read(
            () -> {
              throw new RegistryException(
                  RegistryException.Reason.UNAVAILABLE, 50301, "registry unreachable");
            });
    assertThat(silent).isInstanceOf(LatestReport.Unknown.class);
    assertThat(((LatestReport.Unknown<String>) silent).why()).contains("registry unreachable");
    assertThat(silent.shown("old")).isEqualTo("old");
  }
}
