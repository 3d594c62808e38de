package dev.schemagate.core.dbt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.schemagate.core.contract.Contract;
import dev.schemagate.core.contract.SchemaField;
import dev.schemagate.core.contract.SchemaFields;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the dbt model contract for a schema: a {@code models:} properties file whose model has
 * {@code config.contract.enforced: true}, one column per top-level field with its {@code
 * data_type}, and {@code constraints} from the schema (required, non-nullable fields are {@code
 * not_null}) and from the contract's quality rules ({@code not_null}, {@code unique}, and {@code
 * check} expressions for {@code accepted_values} and {@code range}). dbt refuses to build the model
 * when its columns or types drift from this file.
 */
public final class DbtContractExporter {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private DbtContractExporter() {}

  /**
   * @param model the dbt model name (e.g. the contract's {@code enforcement.dbtModel})
   */
  public static String export(String model, Contract contract, ParsedSchema schema) {
    ObjectNode root = YAML.createObjectNode();
    root.put("version", 2);
    ObjectNode m = root.putArray("models").addObject();
    m.put("name", model);
    contract.description().ifPresent(d -> m.put("description", d));
    ObjectNode config = m.putObject("config");
    config.putObject("contract").put("enforced", true);
    ObjectNode meta = config.putObject("meta");
    meta.put("schemagate_schema", contract.schemaRef());
    contract.owner().ifPresent(o -> meta.put("owner", o.team()));
    contract.domain().ifPresent(d -> meta.put("domain", d));
    ArrayNode columns = m.putArray("columns");
    for (SchemaField field : SchemaFields.of(schema)) {
      if (field.path().contains(".")) {
        continue; // nested fields live inside their parent's column
      }
      ObjectNode column = columns.addObject();
      column.put("name", field.path());
      column.put("data_type", dataType(field.type()));
      description(contract, field.path()).ifPresent(d -> column.put("description", d));
      List<ObjectNode> constraints = constraints(contract, field);
      if (!constraints.isEmpty()) {
        column.putArray("constraints").addAll(constraints);
      }
    }
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write dbt YAML", e);
    }
  }

  /** A portable SQL type for a schema type; warehouses alias these to their own. */
  static String dataType(String schemaType) {
    String t = schemaType.toLowerCase(Locale.ROOT);
    if (t.startsWith("array<")
        || t.startsWith("map<")
        || t.equals("record")
        || t.equals("object")
        || t.startsWith("array")
        || t.equals("map")) {
      return "json";
    }
    return switch (t) {
      case "string", "enum", "uuid", "string(uuid)", "string(email)", "string(uri)" -> "varchar";
      case "int", "integer" -> "integer";
      case "long", "time-micros", "time-millis" -> "bigint";
      case "float" -> "float";
      case "double", "number" -> "double";
      case "boolean" -> "boolean";
      case "bytes", "fixed" -> "binary";
      case "decimal" -> "numeric";
      case "date", "string(date)" -> "date";
      case "timestamp-millis",
          "timestamp-micros",
          "local-timestamp-millis",
          "local-timestamp-micros",
          "string(date-time)" ->
          "timestamp";
      default -> "varchar"; // other strings and anything unknown
    };
  }

  private static Optional<String> description(Contract contract, String field) {
    return contract.fields().stream()
        .filter(f -> f.name().equals(field))
        .findFirst()
        .flatMap(Contract.FieldInfo::description);
  }

  private static List<ObjectNode> constraints(Contract contract, SchemaField field) {
    List<ObjectNode> out = new ArrayList<>();
    // Only a field every record carries, never null, is not_null from the schema alone: an
    // optional JSON Schema property or a union with null would make dbt reject older rows.
    boolean notNull = field.alwaysPresent();
    boolean unique = false;
    List<String> checks = new ArrayList<>();
    for (Contract.QualityRule rule : contract.quality()) {
      if (!rule.field().map(field.path()::equals).orElse(false)) {
        continue;
      }
      switch (rule.rule()) {
        case NOT_NULL -> notNull = true;
        case UNIQUE -> unique = true;
        case ACCEPTED_VALUES -> acceptedValues(field.path(), rule.params()).ifPresent(checks::add);
        case RANGE -> range(field.path(), rule.params()).ifPresent(checks::add);
        default -> {
          // regex, row_count, freshness: tests, not constraints dbt can enforce at build
        }
      }
    }
    if (notNull) {
      out.add(YAML.createObjectNode().put("type", "not_null"));
    }
    if (unique) {
      out.add(YAML.createObjectNode().put("type", "unique"));
    }
    for (String check : checks) {
      out.add(YAML.createObjectNode().put("type", "check").put("expression", check));
    }
    return out;
  }

  private static Optional<String> acceptedValues(String column, Map<String, Object> params) {
    Object values = params.get("values");
    if (values == null) {
      return Optional.empty();
    }
    List<String> list =
        values instanceof List<?> l
            ? l.stream().map(String::valueOf).toList()
            : List.of(String.valueOf(values).split(","));
    return Optional.of(
        column
            + " in ("
            + list.stream()
                .map(String::strip)
                .map(v -> "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(", "))
            + ")");
  }

  private static Optional<String> range(String column, Map<String, Object> params) {
    List<String> parts = new ArrayList<>();
    number(params.get("min")).ifPresent(min -> parts.add(column + " >= " + min));
    number(params.get("max")).ifPresent(max -> parts.add(column + " <= " + max));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", parts));
  }

  /** Only numbers go into SQL: a parameter that is not one is dropped, never spliced in. */
  private static Optional<String> number(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new java.math.BigDecimal(String.valueOf(value).strip()).toPlainString());
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }
}
