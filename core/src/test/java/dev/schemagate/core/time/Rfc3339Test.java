package dev.schemagate.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read timestamp must agree with {@link OffsetDateTime#parse} on every input. */
class Rfc3339Test {
  private static final List<String> CASES =
      List.of(
          "2026-11-20T08:15:30.123Z",
          "2026-11-20T08:15:30Z",
          "2026-11-20T08:15:30.1Z",
          "2026-11-20T08:15:30.123456789Z",
          "2026-11-20T08:15:30.1234567891Z",
          "2026-11-20T08:15:30.Z",
          "2026-11-20T08:15:30.123+02:00",
          "2026-11-20T08:15:30-05:30",
          "2026-11-20T08:15:30-00:00",
          "2026-11-20T08:15:30+18:00",
          "2026-11-20T08:15:30+18:01",
          "2026-11-20T08:15:30+19:00",
          "2026-11-20T08:15:30+02:00:30",
          "2026-11-20T08:15:30+0200",
          "2026-11-20T08:15Z",
          "2026-11-20t08:15:30z",
          "2026-11-20 08:15:30Z",
          "2026-02-30T08:15:30Z",
          "2024-02-29T23:59:59.999Z",
          "2026-13-01T00:00:00Z",
          "2026-11-20T24:00:00Z",
          "2026-11-20T23:59:60Z",
          "+12026-11-20T08:15:30Z",
          "0000-01-01T00:00:00Z",
          "2026-11-20T08:15:30.123",
          "2026-11-20T08:15:30.12a3Z",
          "2026-1a-20T08:15:30Z",
          "2026-11-20T08:15:30.123Z ",
          " 2026-11-20T08:15:30.123Z",
          "2026-12-01T10:15:30+0530",
          "1969-07-20T20:17:40-04:00",
          "",
          "not a time");

  @Test
  void shouldReadEveryCaseExactlyAsOffsetDateTimeDoes() {
    for (String text : CASES) {
      assertAgrees(text);
    }
  }

  @Test
  void shouldAgreeWithOffsetDateTimeOnRandomlyDamagedTimes() {
    Random random = new Random(19);
    String alphabet = "0123456789-:T.Z+ z";
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder(CASES.get(random.nextInt(8)));
      for (int edits = random.nextInt(3); edits > 0 && !s.isEmpty(); edits--) {
        s.setCharAt(random.nextInt(s.length()), alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(s.toString());
    }
    texts.forEach(Rfc3339Test::assertAgrees);
  }

  @Test
  void shouldReadThePlainFormByHand() {
    assertThat(Rfc3339.plain("2026-11-20T08:15:30.123+02:00"))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T08:15:30.123+02:00"));
    assertThat(Rfc3339.plain("2026-11-20T08:15Z")).isNull(); // general parser's case
  }

  private static void assertAgrees(String text) {
    OffsetDateTime expected;
    try {
      expected = OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> Rfc3339.parse(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
      return;
    }
    OffsetDateTime actual = Rfc3339.parse(text);
    assertThat(actual).as(text).isEqualTo(expected);
    assertThat(actual.getOffset()).as(text).isEqualTo(expected.getOffset());
  }
}
