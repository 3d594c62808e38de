package dev.schemagate.core.compat.avro;

import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** The structural diff's verdict on a logical-type annotation changed on the same physical type. */
final class AvroLogicalTypes {
  private AvroLogicalTypes() {}

  /**
   * Avro's resolution ignores logical types, and so does Confluent's check. Adding or removing the
   * annotation on the same physical type changes nothing on the wire, so it breaks neither
   * direction (a reader that does not know it reads the plain type). Changing one logical type into
   * another, though, makes the same bytes mean something else (millis read as micros are off by
   * 1000), and the Avro specification resolves decimals only when precision and scale both match:
   * those are refused both ways, and the message says why the verdict is stricter than Confluent's.
   */
  static Optional<Finding> change(AvroPath path, Schema o, Schema n) {
    LogicalType ol = o.getLogicalType();
    LogicalType nl = n.getLogicalType();
    if (AvroTypes.sameLogicalType(ol, nl)) {
      return Optional.empty();
    }
    String at = path.here();
    if (ol == null || nl == null) {
      LogicalType annotation = ol == null ? nl : ol;
      return Optional.of(
          Finding.info(
              at,
              ChangeType.LOGICAL_TYPE_CHANGED,
              "logical type %s %s on the same %s: the bytes do not change"
                  .formatted(
                      annotation.getName(),
                      ol == null ? "added" : "removed",
                      o.getType().getName())));
    }
    String confluent =
        "; Confluent's check ignores logical types and would accept this, schemagate refuses it"
            + " because readers would silently misread the values";
    Finding.Breakage meaning =
        ol instanceof LogicalTypes.Decimal && nl instanceof LogicalTypes.Decimal
            ? Finding.breaks(
                "the Avro specification resolves decimals only when precision and scale both"
                    + " match (a scale change moves the decimal point)"
                    + confluent,
                "keep %s; add a new field for the new precision or scale"
                    .formatted(AvroIncompatibilities.describe(o)))
            : Finding.breaks(
                "the same bytes would be read with another meaning" + confluent,
                "keep %s; add a new field for the new representation"
                    .formatted(AvroIncompatibilities.describe(o)));
    return Optional.of(
        Finding.of(
            at,
            ChangeType.LOGICAL_TYPE_CHANGED,
            "logical type changed from %s to %s"
                .formatted(AvroIncompatibilities.describe(o), AvroIncompatibilities.describe(n)),
            meaning,
            meaning));
  }
}
