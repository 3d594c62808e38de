package dev.schemagate.core.compat.avro;

import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Words for Avro's incompatibility types: what changed, why it breaks, how to fix it. */
final class AvroIncompatibilities {
  private static final String NEW_CANNOT_READ_OLD =
      "the new schema cannot read data written with the old one";
  private static final String OLD_CANNOT_READ_NEW =
      "readers on the old schema cannot read data written with the new one";

  private AvroIncompatibilities() {}

  /**
   * @param backward true when the reader is the new schema and the writer the old one
   */
  static Finding toFinding(
      Incompatibility incompatibility, Schema reader, Schema writer, boolean backward) {
    AvroLocation location = AvroLocation.of(incompatibility.getLocation(), reader);
    String path = location.path();
    Schema readerPart = incompatibility.getReaderFragment();
    Schema writerPart = incompatibility.getWriterFragment();
    Schema oldPart = backward ? writerPart : readerPart;
    Schema newPart = backward ? readerPart : writerPart;
    return switch (incompatibility.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE -> missingDefault(path, incompatibility, backward);
      case TYPE_MISMATCH ->
          location.unionBranch()
              ? unionBranch(path, writerPart, backward)
              : typeMismatch(path, oldPart, newPart, backward);
      case MISSING_UNION_BRANCH ->
          unionBranch(path, branch(writerPart, incompatibility.getLocation()), backward);
      case MISSING_ENUM_SYMBOLS -> enumSymbols(path, incompatibility, readerPart, backward);
      case NAME_MISMATCH ->
          breaking(
              path,
              ChangeType.NAME_CHANGED,
              "%s renamed from %s to %s"
                  .formatted(
                      readerPart.getType().getName(), oldPart.getFullName(), newPart.getFullName()),
              backward,
              backward ? NEW_CANNOT_READ_OLD : OLD_CANNOT_READ_NEW,
              "add an alias for the old name: \"aliases\": [\"%s\"]"
                  .formatted(writerPart.getFullName()));
      case FIXED_SIZE_MISMATCH ->
          breaking(
              path,
              ChangeType.FIXED_SIZE_CHANGED,
              "fixed %s size changed from %d to %d bytes"
                  .formatted(
                      readerPart.getFullName(), oldPart.getFixedSize(), newPart.getFixedSize()),
              backward,
              backward ? NEW_CANNOT_READ_OLD : OLD_CANNOT_READ_NEW,
              "keep the size; add a new fixed type under a new field instead");
    };
  }

  /**
   * Avro reports a missing union branch with the whole writer union; the location has its index.
   */
  private static Schema branch(Schema writerUnion, String location) {
    if (writerUnion.getType() != Schema.Type.UNION) {
      return writerUnion;
    }
    String last = location.substring(location.lastIndexOf('/') + 1);
    try {
      return writerUnion.getTypes().get(Integer.parseInt(last));
    } catch (NumberFormatException | IndexOutOfBoundsException noIndex) {
      return writerUnion;
    }
  }

  private static Finding missingDefault(
      String path, Incompatibility incompatibility, boolean backward) {
    String field = incompatibility.getMessage();
    if (backward) {
      String renameHint =
          renameCandidate(
                  incompatibility.getReaderFragment(), incompatibility.getWriterFragment(), field)
              .map(
                  old ->
                      ", or, if it renames '%s', add \"aliases\": [\"%s\"] to it"
                          .formatted(old, old))
              .orElse("");
      return breaking(
          path,
          ChangeType.FIELD_ADDED,
          "field '%s' added without a default".formatted(field),
          true,
          "data written with the old schema has no value for it",
          "add a default (or make it optional with a union with null and \"default\": null)"
              + renameHint);
    }
    return breaking(
        path,
        ChangeType.FIELD_REMOVED,
        "field '%s' removed".formatted(field),
        false,
        "readers on the old schema need it and it has no default there",
        "keep the field, or first release a version where '%s' has a default".formatted(field));
  }

  /** A writer field absent from the reader, with the same type, is probably the old name. */
  private static Optional<String> renameCandidate(
      Schema readerRecord, Schema writerRecord, String readerFieldName) {
    if (readerRecord.getType() != Schema.Type.RECORD
        || writerRecord.getType() != Schema.Type.RECORD) {
      return Optional.empty();
    }
    Schema.Field added = readerRecord.getField(readerFieldName);
    if (added == null) {
      return Optional.empty();
    }
    return writerRecord.getFields().stream()
        .filter(w -> readerRecord.getField(w.name()) == null)
        .filter(w -> w.schema().equals(added.schema()))
        .map(Schema.Field::name)
        .findFirst();
  }

  private static Finding typeMismatch(
      String path, Schema oldType, Schema newType, boolean backward) {
    return breaking(
        path,
        AvroTypes.typeChange(oldType, newType),
        "type changed from %s to %s".formatted(describe(oldType), describe(newType)),
        backward,
        backward ? NEW_CANNOT_READ_OLD : OLD_CANNOT_READ_NEW,
        "keep the type %s; add a new field (with a default) for the new type"
            .formatted(describe(oldType)));
  }

  private static Finding unionBranch(String path, Schema writerBranch, boolean backward) {
    String branch = describe(writerBranch);
    boolean isNull = writerBranch.getType() == Schema.Type.NULL;
    if (backward) {
      return breaking(
          path,
          ChangeType.UNION_BRANCH_REMOVED,
          isNull
              ? "no longer optional: null removed from the union"
              : "%s removed from the union".formatted(branch),
          true,
          NEW_CANNOT_READ_OLD,
          isNull
              ? "keep it optional: make it a union with null"
              : "keep %s in the union".formatted(branch));
    }
    return breaking(
        path,
        ChangeType.UNION_BRANCH_ADDED,
        isNull
            ? "made optional: null added to the union"
            : "%s added to the union".formatted(branch),
        false,
        OLD_CANNOT_READ_NEW,
        isNull
            ? "release a version where old readers accept null (a union with null) first"
            : "release the wider union to readers before writers use %s".formatted(branch));
  }

  private static Finding enumSymbols(
      String path, Incompatibility incompatibility, Schema readerEnum, boolean backward) {
    String symbols = incompatibility.getMessage();
    if (backward) {
      String example =
          readerEnum.getEnumSymbols().isEmpty()
              ? "UNKNOWN"
              : readerEnum.getEnumSymbols().getFirst();
      return breaking(
          path,
          ChangeType.ENUM_SYMBOL_REMOVED,
          "enum %s lost symbols %s".formatted(readerEnum.getFullName(), symbols),
          true,
          "old data may hold them",
          "keep the symbols, or give the enum a default (\"default\": \"%s\") so unknown symbols resolve"
              .formatted(example));
    }
    return breaking(
        path,
        ChangeType.ENUM_SYMBOL_ADDED,
        "enum %s gained symbols %s".formatted(readerEnum.getFullName(), symbols),
        false,
        "readers on the old schema do not know them",
        "give the enum a default in the schema old readers use before adding symbols");
  }

  private static Finding breaking(
      String path, ChangeType type, String message, boolean backward, String reason, String fix) {
    Finding.Breakage breakage = Finding.breaks(reason, fix);
    return Finding.of(path, type, message, backward ? breakage : null, backward ? null : breakage);
  }

  static String describe(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
      case UNION ->
          schema.getTypes().stream()
              .map(AvroIncompatibilities::describe)
              .collect(Collectors.joining(", ", "[", "]"));
      case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
      case MAP -> "map<" + describe(schema.getValueType()) + ">";
      default -> {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
          yield "%s(decimal(%d,%d))"
              .formatted(schema.getType().getName(), d.getPrecision(), d.getScale());
        }
        yield schema.getLogicalType() != null
            ? schema.getType().getName() + "(" + schema.getLogicalType().getName() + ")"
            : schema.getType().getName();
      }
    };
  }
}
