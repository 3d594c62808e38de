package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.core.time.Rfc3339;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Whether a file value has a schema type, and the conversions the rules need. JSON values are
 * judged strictly (a number must be a number); CSV cells are all text, so there a value has a type
 * when its text parses as one; Parquet values arrive typed ({@link ParquetValues}): an Instant is a
 * timestamp, a LocalDate a date, a BigDecimal a decimal number.
 */
final class ValueTypes {
  private ValueTypes() {}

  /**
   * @param t the schema type in lower case
   */
  static boolean hasType(Object value, String t, boolean textual) {
    if (t.startsWith("array") || t.startsWith("map") || t.equals("record") || t.equals("object")) {
      return value instanceof JsonNode node
          ? (t.startsWith("array") ? node.isArray() : node.isObject())
          : textual && value instanceof String;
    }
    if (value instanceof JsonNode) {
      return t.equals("any") || t.contains("|");
    }
    return switch (t) {
      case "int", "integer", "long", "time-millis", "time-micros" ->
          integral(value, textual, t.equals("int") ? Integer.MIN_VALUE : Long.MIN_VALUE, t);
      case "float", "double", "number" ->
          value instanceof Number || textual && number(value, true).isPresent();
      case "decimal" -> number(value, true).isPresent(); // Avro JSON may write it as a string
      case "boolean" ->
          value instanceof Boolean
              || textual && value instanceof String s && (s.equals("true") || s.equals("false"));
      case "timestamp-millis",
          "timestamp-micros",
          "local-timestamp-millis",
          "local-timestamp-micros",
          "string(date-time)" ->
          instant(value).isPresent();
      case "date", "string(date)" -> date(value);
      case "string", "enum", "uuid", "bytes", "fixed" -> value instanceof String;
      default -> t.startsWith("string") ? value instanceof String : true;
    };
  }

  private static boolean integral(Object value, boolean textual, long min, String type) {
    long max = min == Integer.MIN_VALUE ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (value instanceof Long l) {
      return l >= min && l <= max;
    }
    if (textual && value instanceof String s) {
      try {
        long l = Long.parseLong(s.strip());
        return l >= min && l <= max;
      } catch (NumberFormatException notWhole) {
        return false;
      }
    }
    // JSON Schema's integer accepts 1.0; Avro's int and long do not
    return type.equals("integer") && value instanceof Double d && d == Math.rint(d);
  }

  /** A number, or (CSV, and Avro decimals written as strings) a numeric string. */
  static Optional<Double> number(Object value, boolean textual) {
    if (value instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    if (value instanceof String s && (textual || looksNumeric(s))) {
      try {
        return Optional.of(new BigDecimal(s.strip()).doubleValue());
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean looksNumeric(String s) {
    return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-');
  }

  /**
   * A point in time: ISO-8601 with an offset, or without one (read as UTC), or epoch milliseconds.
   */
  static Optional<Instant> instant(Object value) {
    if (value instanceof Instant instant) {
      return Optional.of(instant); // a Parquet TIMESTAMP
    }
    if (value instanceof LocalDate date) {
      return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant()); // a Parquet DATE
    }
    if (value instanceof Long millis) {
      return Optional.of(Instant.ofEpochMilli(millis));
    }
    if (!(value instanceof String s)) {
      return Optional.empty();
    }
    String text = s.strip();
    try {
      return Optional.of(Rfc3339.parse(text).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notLocal) {
        try {
          return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
        } catch (NumberFormatException notEpoch) {
          return Optional.empty();
        }
      }
    }
  }

  private static boolean date(Object value) {
    if (value instanceof LocalDate) {
      return true; // a Parquet DATE
    }
    if (value instanceof Long) {
      return true; // Avro date: days since the epoch
    }
    if (!(value instanceof String s)) {
      return false;
    }
    try {
      LocalDate.parse(s.strip());
      return true;
    } catch (DateTimeParseException notADate) {
      return false;
    }
  }

  /** The text a rule compares (accepted_values, regex, unique). */
  static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString(); // a Parquet DECIMAL, as written: 10.50, never 1.05E+1
    }
    return value instanceof JsonNode node ? node.toString() : String.valueOf(value);
  }
}
