package dev.schemagate.core.compat.avro;

import dev.schemagate.core.compat.ChangeType;
import java.util.Objects;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Small facts about Avro types the structural diff needs. */
final class AvroTypes {
  private AvroTypes() {}

  /**
   * The specification's promotions: a reader of {@code to} can read data written as {@code from}.
   */
  static boolean promotes(Schema.Type from, Schema.Type to) {
    return switch (from) {
      case INT -> to == Schema.Type.LONG || to == Schema.Type.FLOAT || to == Schema.Type.DOUBLE;
      case LONG -> to == Schema.Type.FLOAT || to == Schema.Type.DOUBLE;
      case FLOAT -> to == Schema.Type.DOUBLE;
      case STRING -> to == Schema.Type.BYTES;
      case BYTES -> to == Schema.Type.STRING;
      default -> false;
    };
  }

  static ChangeType typeChange(Schema oldType, Schema newType) {
    if (promotes(oldType.getType(), newType.getType())) {
      return ChangeType.TYPE_WIDENED;
    }
    if (promotes(newType.getType(), oldType.getType())) {
      return ChangeType.TYPE_NARROWED;
    }
    return ChangeType.TYPE_CHANGED;
  }

  /** How a union branch is matched across versions: named types by full name, others by type. */
  static String branchKey(Schema branch) {
    return switch (branch.getType()) {
      case RECORD, ENUM, FIXED -> branch.getFullName();
      default -> branch.getType().getName();
    };
  }

  static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }

  static boolean sameLogicalType(LogicalType a, LogicalType b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || !a.getName().equals(b.getName())) {
      return false;
    }
    if (a instanceof LogicalTypes.Decimal da && b instanceof LogicalTypes.Decimal db) {
      return da.getPrecision() == db.getPrecision() && da.getScale() == db.getScale();
    }
    return Objects.equals(a, b);
  }
}
