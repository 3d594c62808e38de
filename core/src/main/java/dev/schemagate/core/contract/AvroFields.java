package dev.schemagate.core.contract;

import dev.schemagate.core.schema.AvroSchemaDoc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/** The field lister of the Avro format: record fields, nested records through arrays and maps. */
public final class AvroFields {
  private AvroFields() {}

  /** Every field of {@code schema}, parents before children, in declaration order. */
  public static List<SchemaField> of(AvroSchemaDoc schema) {
    List<SchemaField> fields = new ArrayList<>();
    avro(schema.schema(), "", new HashSet<>(), fields);
    return List.copyOf(fields);
  }

  private static void avro(Schema record, String prefix, Set<String> open, List<SchemaField> out) {
    if (record.getType() != Schema.Type.RECORD || !open.add(record.getFullName())) {
      return;
    }
    for (Schema.Field field : record.getFields()) {
      String path = prefix + field.name();
      Schema type = nonNull(field.schema());
      out.add(new SchemaField(path, avroType(type), type != field.schema()));
      avro(nested(type), path + ".", open, out);
    }
    open.remove(record.getFullName());
  }

  /** The record a field leads into, through arrays, maps and nullable unions. */
  private static Schema nested(Schema type) {
    return switch (type.getType()) {
      case ARRAY -> nested(nonNull(type.getElementType()));
      case MAP -> nested(nonNull(type.getValueType()));
      default -> type;
    };
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches =
        schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    return branches.size() == 1 ? branches.getFirst() : schema;
  }

  private static String avroType(Schema type) {
    LogicalType logical = type.getLogicalType();
    if (logical != null) {
      return logical.getName();
    }
    return switch (type.getType()) {
      case ARRAY -> "array<" + avroType(nonNull(type.getElementType())) + ">";
      case MAP -> "map<" + avroType(nonNull(type.getValueType())) + ">";
      default -> type.getType().getName();
    };
  }
}
