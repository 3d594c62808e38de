package dev.schemagate.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of every schemagate setting: a whole number and a unit, {@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}; a bare {@code 0} is zero. ISO-8601 ({@code
 * PT30S}) is accepted too, as Kubernetes users sometimes write it.
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** The duration {@code text} denotes, if it is one (never negative). */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          });
    }
    if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
      try {
        Duration d = Duration.parse(t);
        return d.isNegative() ? Optional.empty() : Optional.of(d);
      } catch (java.time.format.DateTimeParseException notIso) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The duration of setting {@code variable}.
   *
   * @throws ConfigException naming the variable when {@code text} is not a duration
   */
  public static Duration parse(String variable, String text) {
    return parse(text)
        .orElseThrow(
            () ->
                new ConfigException(
                    variable,
                    "%s='%s' is not a duration such as 500ms, 30s, 5m or 1h"
                        .formatted(variable, text)));
  }

  /** As {@link #parse(String, String)}, refusing zero. */
  public static Duration parsePositive(String variable, String text) {
    Duration d = parse(variable, text);
    if (d.isZero()) {
      throw new ConfigException(
          variable,
          "%s='%s' must be longer than zero, such as 500ms, 30s, 5m or 1h"
              .formatted(variable, text));
    }
    return d;
  }

  /**
   * How a duration is written back in messages and help: {@code 1500ms}, {@code 30s}, {@code 5m}.
   */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
