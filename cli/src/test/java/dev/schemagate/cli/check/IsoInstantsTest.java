package dev.schemagate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-01T10:15:30Z",
        "2026-12-01T10:15:30.1Z",
        "2026-12-01T10:15:30.123456789Z",
        "2024-02-29T23:59:59+05:30",
        "1969-07-20T20:17:40-04:00"
      })
  void shouldAgreeWithTheJdkParser(String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T10:15:30Z",
        "2026-13-01T10:15:30Z",
        "2026-12-01T24:00:00Z",
        "2026-12-01T10:15:30",
        "2026-12-01 10:15:30Z",
        "2026-12-01T10:15:30.Z",
        "2026-12-01T10:15:30+0530"
      })
  void shouldLeaveEverythingElseToTheGeneralParser(String text) {
    assertThat(IsoInstants.parse(text)).isNull();
  }
}
