package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a measured value is compared with a threshold or target. */
public enum Comparison {
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  EQ("==");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  @JsonValue
  public String symbol() {
    return symbol;
  }

  public boolean holds(double value, double threshold) {
    return switch (this) {
      case LT -> value < threshold;
      case LE -> value <= threshold;
      case GT -> value > threshold;
      case GE -> value >= threshold;
      case EQ -> value == threshold;
    };
  }

  @JsonCreator
  public static Comparison parse(String text) {
    for (Comparison c : values()) {
      if (c.symbol.equals(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "op '%s' is not one of %s"
            .formatted(
                text, Arrays.stream(values()).map(c -> c.symbol).collect(Collectors.joining(" "))));
  }
}
