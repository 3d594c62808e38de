package dev.schemagate.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Maps Parquet values to what the rules compare. Top level: strings (STRING, ENUM, JSON, and
 * un-annotated BINARY, which older writers use for text) as String; integers, TIME and unsigned
 * 32-bit values as Long; FLOAT and DOUBLE as Double; DECIMAL as an exact BigDecimal; TIMESTAMP (any
 * unit, and legacy INT96) as an Instant (a local timestamp read as UTC); DATE as a LocalDate; UUID
 * in its text form. Groups, LISTs and MAPs become JSON objects and arrays, so nested paths ({@code
 * customer.email}) and the schema's record/array types work as for JSON Lines; inside them instants
 * and dates are ISO-8601 text.
 */
final class ParquetValues {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long JULIAN_EPOCH_DAY = 2_440_588L; // the Julian day of 1970-01-01

  private ParquetValues() {}

  /** The value of field {@code index} of {@code group}: null when absent, an array if repeated. */
  static Object field(Group group, int index) {
    Type type = group.getType().getType(index);
    int count = group.getFieldRepetitionCount(index);
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      ArrayNode array = JSON.arrayNode();
      for (int i = 0; i < count; i++) {
        array.add(json(one(group, index, i, type)));
      }
      return array;
    }
    return count == 0 ? null : one(group, index, 0, type);
  }

  private static Object one(Group group, int index, int i, Type type) {
    if (!type.isPrimitive()) {
      return groupValue(group.getGroup(index, i), type.asGroupType());
    }
    PrimitiveType primitive = type.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> group.getBoolean(index, i);
      case FLOAT -> (double) group.getFloat(index, i);
      case DOUBLE -> group.getDouble(index, i);
      case INT32 -> int32(group.getInteger(index, i), logical);
      case INT64 -> int64(group.getLong(index, i), logical);
      case INT96 -> int96(group.getInt96(index, i));
      case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(group.getBinary(index, i), logical);
    };
  }

  private static Object int32(int value, LogicalTypeAnnotation logical) {
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(value);
    }
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(value, decimal.getScale());
    }
    if (logical instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
      return Integer.toUnsignedLong(value);
    }
    return (long) value;
  }

  private static Object int64(long value, LogicalTypeAnnotation logical) {
    if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
      return switch (timestamp.getUnit()) {
        case MILLIS -> Instant.ofEpochMilli(value);
        case MICROS ->
            Instant.EPOCH
                .plusSeconds(Math.floorDiv(value, 1_000_000L))
                .plusNanos(Math.floorMod(value, 1_000_000L) * 1_000L);
        case NANOS ->
            Instant.EPOCH
                .plusSeconds(Math.floorDiv(value, 1_000_000_000L))
                .plusNanos(Math.floorMod(value, 1_000_000_000L));
      };
    }
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(value, decimal.getScale());
    }
    return value; // plain, TIME (micros or nanos), or an unsigned 64-bit value past 2^63 (rare)
  }

  /** Impala's and Spark's legacy timestamp: nanoseconds of the day, then the Julian day. */
  private static Instant int96(Binary value) {
    ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = bytes.getLong();
    long julianDay = bytes.getInt();
    return Instant.EPOCH
        .plusSeconds((julianDay - JULIAN_EPOCH_DAY) * 86_400L)
        .plusNanos(nanosOfDay);
  }

  private static Object binary(Binary value, LogicalTypeAnnotation logical) {
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return new BigDecimal(new BigInteger(value.getBytes()), decimal.getScale());
    }
    if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
      ByteBuffer bytes = value.toByteBuffer();
      return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }
    return value.toStringUsingUTF8();
  }

  /** A group as JSON: LIST as an array, MAP as an object keyed by the keys' text, else fields. */
  private static JsonNode groupValue(Group group, GroupType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        && type.getFieldCount() == 1) {
      return list(group, type);
    }
    if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        && type.getFieldCount() == 1
        && !type.getType(0).isPrimitive()) {
      ObjectNode map = JSON.objectNode();
      for (int i = 0; i < group.getFieldRepetitionCount(0); i++) {
        Group entry = group.getGroup(0, i);
        Object key = field(entry, 0);
        Object value = entry.getType().getFieldCount() > 1 ? field(entry, 1) : null;
        map.set(ValueTypes.text(key), json(value));
      }
      return map;
    }
    ObjectNode object = JSON.objectNode();
    for (int f = 0; f < type.getFieldCount(); f++) {
      if (group.getFieldRepetitionCount(f) > 0
          || type.getType(f).isRepetition(Type.Repetition.REPEATED)) {
        object.set(type.getFieldName(f), json(field(group, f)));
      } else {
        object.putNull(type.getFieldName(f));
      }
    }
    return object;
  }

  /**
   * The three-level LIST ({@code repeated group list { element }}) and the older two-level one
   * ({@code repeated element}), both as a JSON array of the elements.
   */
  private static ArrayNode list(Group group, GroupType type) {
    ArrayNode array = JSON.arrayNode();
    Type repeated = type.getType(0);
    boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1;
    for (int i = 0; i < group.getFieldRepetitionCount(0); i++) {
      if (threeLevel) {
        Group wrapper = group.getGroup(0, i);
        array.add(json(wrapper.getFieldRepetitionCount(0) == 0 ? null : field(wrapper, 0)));
      } else {
        array.add(json(one(group, 0, i, repeated)));
      }
    }
    return array;
  }

  private static JsonNode json(Object value) {
    return switch (value) {
      case null -> JSON.nullNode();
      case JsonNode node -> node;
      case Boolean b -> JSON.booleanNode(b);
      case Long l -> JSON.numberNode(l);
      case Double d -> JSON.numberNode(d);
      case BigDecimal d -> DecimalNode.valueOf(d); // exact: the factory would strip zeros
      default -> JSON.textNode(value.toString()); // String, Instant, LocalDate: ISO-8601 text
    };
  }
}
