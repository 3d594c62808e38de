package dev.schemagate.core.compat.avro;

import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns Avro's incompatibility locations ({@code /fields/0/type/2}: field by position, union branch
 * by the writer's index) into paths a person reads ({@code /fields/amount/type/2}), by walking the
 * reader schema along the location.
 *
 * @param path the readable path
 * @param unionBranch whether the location ends at a branch of a writer union
 */
record AvroLocation(String path, boolean unionBranch) {

  static AvroLocation of(String location, Schema reader) {
    if (location == null || location.isEmpty() || "/".equals(location)) {
      return new AvroLocation("/", false);
    }
    String[] tokens = location.substring(1).split("/");
    StringBuilder path = new StringBuilder();
    Schema current = reader;
    boolean unionBranch = false;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      unionBranch = false;
      current = intoUnion(current, token);
      if ("fields".equals(token) && i + 1 < tokens.length && isRecord(current)) {
        List<Schema.Field> fields = current.getFields();
        int index = parseIndex(tokens[i + 1]);
        path.append("/fields/");
        if (index >= 0 && index < fields.size()) {
          Schema.Field field = fields.get(index);
          path.append(field.name());
          current = field.schema();
        } else {
          path.append(tokens[i + 1]);
        }
        i++;
        continue;
      }
      path.append('/').append(token);
      switch (token) {
        case "type" -> {}
        case "items" ->
            current =
                current != null && current.getType() == Schema.Type.ARRAY
                    ? current.getElementType()
                    : current;
        case "values" ->
            current =
                current != null && current.getType() == Schema.Type.MAP
                    ? current.getValueType()
                    : current;
        default -> unionBranch = parseIndex(token) >= 0;
      }
    }
    return new AvroLocation(path.toString(), unionBranch);
  }

  /**
   * Avro does not say which branch of a reader union it descended into; the next token does (only a
   * record has fields, only an array items...).
   */
  private static Schema intoUnion(Schema current, String token) {
    if (current == null || current.getType() != Schema.Type.UNION || parseIndex(token) >= 0) {
      return current;
    }
    Schema.Type wanted =
        switch (token) {
          case "fields" -> Schema.Type.RECORD;
          case "items" -> Schema.Type.ARRAY;
          case "values" -> Schema.Type.MAP;
          case "symbols" -> Schema.Type.ENUM;
          case "size" -> Schema.Type.FIXED;
          default -> null;
        };
    for (Schema branch : current.getTypes()) {
      if (branch.getType() == wanted) {
        return branch;
      }
    }
    return current;
  }

  private static boolean isRecord(Schema schema) {
    return schema != null && schema.getType() == Schema.Type.RECORD;
  }

  private static int parseIndex(String token) {
    if (token.isEmpty() || token.length() > 9) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (!Character.isDigit(token.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }
}
