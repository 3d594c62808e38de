package dev.schemagate.sdk.avro;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * A yes/no validity check compiled once per schema into a tree of small objects, for the per-record
 * hot path. Same rules as {@link GenericData#validate} (Java types per Avro type, enum symbols,
 * fixed sizes, union branches, nested records, arrays, maps), but without re-dispatching on the
 * schema, looking up union branches by name, or scanning enum symbol lists for every record —
 * {@code GenericData.validate} cost about 40 % of an encode in our benchmark, this a fraction of
 * that. Values of a registered logical-type conversion (e.g. {@code Instant}) are accepted.
 */
abstract sealed class CompiledAvroCheck {
  abstract boolean accepts(Object datum);

  static CompiledAvroCheck compile(Schema schema, GenericData model) {
    return compile(schema, model, new IdentityHashMap<>());
  }

  private static CompiledAvroCheck compile(
      Schema schema, GenericData model, Map<Schema, RecordCheck> records) {
    CompiledAvroCheck check = plain(schema, model, records);
    if (schema.getLogicalType() != null) {
      Conversion<?> conversion = model.getConversionFor(schema.getLogicalType());
      if (conversion != null) {
        return new ConvertedCheck(conversion.getConvertedType(), check);
      }
    }
    return check;
  }

  private static CompiledAvroCheck plain(
      Schema schema, GenericData model, Map<Schema, RecordCheck> records) {
    return switch (schema.getType()) {
      case RECORD -> {
        RecordCheck existing = records.get(schema);
        if (existing != null) {
          yield existing; // recursive type: the same check, filled in below
        }
        var record = new RecordCheck(schema.getFields().size());
        records.put(schema, record);
        for (Schema.Field field : schema.getFields()) {
          record.fields[field.pos()] = compile(field.schema(), model, records);
        }
        yield record;
      }
      case ENUM -> new EnumCheck(new HashSet<>(schema.getEnumSymbols()));
      case ARRAY -> new ArrayCheck(compile(schema.getElementType(), model, records));
      case MAP -> new MapCheck(compile(schema.getValueType(), model, records));
      case UNION -> {
        List<Schema> types = schema.getTypes();
        var branches = new CompiledAvroCheck[types.size()];
        for (int i = 0; i < branches.length; i++) {
          branches[i] = compile(types.get(i), model, records);
        }
        yield new UnionCheck(branches);
      }
      case FIXED -> new FixedCheck(schema.getFixedSize());
      case STRING -> new TypeCheck(CharSequence.class);
      case BYTES -> new TypeCheck(ByteBuffer.class);
      case INT -> new TypeCheck(Integer.class);
      case LONG -> new TypeCheck(Long.class);
      case FLOAT -> new TypeCheck(Float.class);
      case DOUBLE -> new TypeCheck(Double.class);
      case BOOLEAN -> new TypeCheck(Boolean.class);
      case NULL -> NullCheck.INSTANCE;
    };
  }

  static final class RecordCheck extends CompiledAvroCheck {
    final CompiledAvroCheck[] fields;

    RecordCheck(int size) {
      this.fields = new CompiledAvroCheck[size];
    }

    @Override
    boolean accepts(Object datum) {
      if (!(datum instanceof IndexedRecord record)) {
        return false;
      }
      for (int i = 0; i < fields.length; i++) {
        if (!fields[i].accepts(record.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  static final class EnumCheck extends CompiledAvroCheck {
    private final Set<String> symbols;

    EnumCheck(Set<String> symbols) {
      this.symbols = symbols;
    }

    @Override
    boolean accepts(Object datum) {
      return (datum instanceof Enum<?> e && symbols.contains(e.name()))
          || (datum instanceof GenericEnumSymbol<?> s && symbols.contains(s.toString()));
    }
  }

  static final class ArrayCheck extends CompiledAvroCheck {
    private final CompiledAvroCheck elements;

    ArrayCheck(CompiledAvroCheck elements) {
      this.elements = elements;
    }

    @Override
    boolean accepts(Object datum) {
      if (!(datum instanceof Collection<?> items)) {
        return false;
      }
      if (items instanceof List<?> list && list instanceof java.util.RandomAccess) {
        for (int i = 0, n = list.size(); i < n; i++) {
          if (!elements.accepts(list.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (Object item : items) {
        if (!elements.accepts(item)) {
          return false;
        }
      }
      return true;
    }
  }

  static final class MapCheck extends CompiledAvroCheck {
    private final CompiledAvroCheck values;

    MapCheck(CompiledAvroCheck values) {
      this.values = values;
    }

    @Override
    boolean accepts(Object datum) {
      if (!(datum instanceof Map<?, ?> map)) {
        return false;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof CharSequence) || !values.accepts(entry.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  static final class UnionCheck extends CompiledAvroCheck {
    private final CompiledAvroCheck[] branches;

    UnionCheck(CompiledAvroCheck[] branches) {
      this.branches = branches;
    }

    @Override
    boolean accepts(Object datum) {
      for (CompiledAvroCheck branch : branches) {
        if (branch.accepts(datum)) {
          return true;
        }
      }
      return false;
    }
  }

  static final class FixedCheck extends CompiledAvroCheck {
    private final int size;

    FixedCheck(int size) {
      this.size = size;
    }

    @Override
    boolean accepts(Object datum) {
      return datum instanceof GenericFixed fixed && fixed.bytes().length == size;
    }
  }

  static final class TypeCheck extends CompiledAvroCheck {
    private final Class<?> type;

    TypeCheck(Class<?> type) {
      this.type = type;
    }

    @Override
    boolean accepts(Object datum) {
      return type.isInstance(datum);
    }
  }

  static final class NullCheck extends CompiledAvroCheck {
    static final NullCheck INSTANCE = new NullCheck();

    @Override
    boolean accepts(Object datum) {
      return datum == null;
    }
  }

  static final class ConvertedCheck extends CompiledAvroCheck {
    private final Class<?> converted;
    private final CompiledAvroCheck raw;

    ConvertedCheck(Class<?> converted, CompiledAvroCheck raw) {
      this.converted = converted;
      this.raw = raw;
    }

    @Override
    boolean accepts(Object datum) {
      return converted.isInstance(datum) || raw.accepts(datum);
    }
  }
}
