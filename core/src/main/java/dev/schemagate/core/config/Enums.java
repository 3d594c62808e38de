package dev.schemagate.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way to read an enum constant from text (settings, CRD fields, query parameters): case
 * does not matter, surrounding blanks are ignored, and {@code -} stands for {@code _} ({@code
 * fail-open}, {@code dbt-model}).
 */
public final class Enums {
  private Enums() {}

  /** The constant {@code text} names, if any. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(wanted)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /**
   * The constant setting {@code variable} names.
   *
   * @throws ConfigException naming the variable and every accepted value
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String variable, String text) {
    return parse(type, text)
        .orElseThrow(
            () ->
                new ConfigException(
                    variable, "%s='%s' must be one of %s".formatted(variable, text, names(type))));
  }

  /** The accepted values, lower case, comma separated: {@code closed, open}. */
  public static <E extends Enum<E>> String names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
  }
}
