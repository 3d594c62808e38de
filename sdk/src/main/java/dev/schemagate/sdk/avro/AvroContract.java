package dev.schemagate.sdk.avro;

import dev.schemagate.sdk.SerdeException.Violation;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;
import org.apache.avro.UnresolvedUnionException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Checks a datum against an Avro schema. The fast path is a {@link CompiledAvroCheck} (the rules of
 * Avro's {@link GenericData#validate}, compiled per schema); only when it says no does the
 * path-aware walk run, to name the field and the rule broken. The walk has the last word.
 */
final class AvroContract {
  private AvroContract() {}

  static Optional<Violation> check(
      CompiledAvroCheck fast, GenericData model, Schema schema, Object datum) {
    if (fast.accepts(datum)) {
      return Optional.empty();
    }
    return walk(model, schema, datum, "");
  }

  private static Optional<Violation> walk(
      GenericData model, Schema schema, Object datum, String path) {
    if (datum != null
        && schema.getLogicalType() != null
        && model.getConversionByClass(datum.getClass(), schema.getLogicalType()) != null) {
      return Optional.empty();
    }
    return switch (schema.getType()) {
      case RECORD -> record(model, schema, datum, path);
      case ENUM -> {
        if (!(datum instanceof GenericEnumSymbol<?> || datum instanceof Enum<?>)) {
          yield type(schema, datum, path);
        }
        yield schema.hasEnumSymbol(datum.toString())
            ? Optional.empty()
            : Optional.of(
                new Violation(
                    path,
                    "enum",
                    "\"%s\" is not a symbol of enum %s %s"
                        .formatted(datum, schema.getName(), schema.getEnumSymbols())));
      }
      case ARRAY -> {
        if (!(datum instanceof Collection<?> items)) {
          yield type(schema, datum, path);
        }
        int index = 0;
        for (Object item : items) {
          var found = walk(model, schema.getElementType(), item, path + "/" + index++);
          if (found.isPresent()) {
            yield found;
          }
        }
        yield Optional.empty();
      }
      case MAP -> {
        if (!(datum instanceof Map<?, ?> entries)) {
          yield type(schema, datum, path);
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
          if (!(entry.getKey() instanceof CharSequence)) {
            yield Optional.of(
                new Violation(
                    path, "type", "map key %s is not a string".formatted(entry.getKey())));
          }
          var found =
              walk(model, schema.getValueType(), entry.getValue(), path + "/" + entry.getKey());
          if (found.isPresent()) {
            yield found;
          }
        }
        yield Optional.empty();
      }
      case UNION -> {
        int branch;
        try {
          branch = model.resolveUnion(schema, datum);
        } catch (UnresolvedUnionException e) {
          yield Optional.of(
              new Violation(
                  path,
                  "union",
                  "%s matches no branch of the union %s"
                      .formatted(describe(datum), branchNames(schema))));
        }
        yield walk(model, schema.getTypes().get(branch), datum, path);
      }
      case FIXED -> {
        if (!(datum instanceof GenericFixed fixed)) {
          yield type(schema, datum, path);
        }
        yield fixed.bytes().length == schema.getFixedSize()
            ? Optional.empty()
            : Optional.of(
                new Violation(
                    path,
                    "fixed-size",
                    "fixed %s needs exactly %d bytes, got %d"
                        .formatted(schema.getName(), schema.getFixedSize(), fixed.bytes().length)));
      }
      case STRING -> datum instanceof CharSequence ? Optional.empty() : type(schema, datum, path);
      case BYTES -> datum instanceof ByteBuffer ? Optional.empty() : type(schema, datum, path);
      case INT -> datum instanceof Integer ? Optional.empty() : type(schema, datum, path);
      case LONG -> datum instanceof Long ? Optional.empty() : type(schema, datum, path);
      case FLOAT -> datum instanceof Float ? Optional.empty() : type(schema, datum, path);
      case DOUBLE -> datum instanceof Double ? Optional.empty() : type(schema, datum, path);
      case BOOLEAN -> datum instanceof Boolean ? Optional.empty() : type(schema, datum, path);
      case NULL -> datum == null ? Optional.empty() : type(schema, datum, path);
    };
  }

  private static Optional<Violation> record(
      GenericData model, Schema schema, Object datum, String path) {
    if (!(datum instanceof IndexedRecord)) {
      return type(schema, datum, path);
    }
    for (Field field : schema.getFields()) {
      Object value = model.getField(datum, field.name(), field.pos());
      var found = walk(model, field.schema(), value, path + "/" + field.name());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Violation> type(Schema schema, Object datum, String path) {
    if (datum == null) {
      return Optional.of(
          new Violation(
              path,
              "required",
              "null is not allowed for %s (make it optional with a union with null)"
                  .formatted(typeName(schema))));
    }
    return Optional.of(
        new Violation(
            path, "type", "expected %s, got %s".formatted(typeName(schema), describe(datum))));
  }

  private static String typeName(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
      default -> schema.getType().getName();
    };
  }

  private static String branchNames(Schema union) {
    return union.getTypes().stream().map(AvroContract::typeName).toList().toString();
  }

  private static String describe(Object datum) {
    if (datum == null) {
      return "null";
    }
    String text = String.valueOf(datum);
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    return "%s \"%s\"".formatted(datum.getClass().getSimpleName(), text);
  }
}
