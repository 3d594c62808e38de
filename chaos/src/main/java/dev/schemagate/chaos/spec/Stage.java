package dev.schemagate.chaos.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The five runbook stages, in the order an incident goes through them. */
public enum Stage {
  DETECT,
  ASSESS,
  CONTAIN,
  RECOVER,
  POST_MORTEM;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonCreator
  public static Stage parse(String text) {
    for (Stage stage : values()) {
      if (stage.label().equals(text)) {
        return stage;
      }
    }
    throw new IllegalArgumentException(
        "stage '%s' is not one of detect, assess, contain, recover, post-mortem".formatted(text));
  }
}
