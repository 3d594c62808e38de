package dev.schemagate.chaos.experiment;

import java.time.Duration;

/**
 * How hard an experiment pushes: records per second per producer, how long the steady state and the
 * fault last, and how long it may take in all before it is called off.
 */
public record Scale(double rate, Duration steady, Duration faultFor, Duration limit) {
  /** CI: a few seconds of traffic each, every experiment in well under a minute. */
  public static final Scale SMALL =
      new Scale(40, Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(75));

  public static final Scale MEDIUM =
      new Scale(200, Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(240));

  public static final Scale LARGE =
      new Scale(1000, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(900));

  public static Scale parse(String text) {
    return switch (text) {
      case "small" -> SMALL;
      case "medium" -> MEDIUM;
      case "large" -> LARGE;
      default ->
          throw new IllegalArgumentException(
              "scale '%s' is not one of small, medium, large".formatted(text));
    };
  }
}
