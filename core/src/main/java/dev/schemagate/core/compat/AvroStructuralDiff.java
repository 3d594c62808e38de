package dev.schemagate.core.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Names every change between two Avro schemas, old to new. It does not decide resolution (the
 * library does); it flags only what the library ignores: logical types, whose change reinterprets
 * the same bytes. Runs on every check, so it stays a single pass with no allocation per unchanged
 * field beyond a map lookup.
 */
final class AvroStructuralDiff {
  private final List<Finding> out = new ArrayList<>();
  private final Set<String> visitedNamedPairs = new HashSet<>();

  List<Finding> diff(Schema older, Schema newer) {
    diff("", older, newer);
    return out;
  }

  private void diff(String path, Schema o, Schema n) {
    if (o == n) {
      return;
    }
    if (o.getType() != n.getType()) {
      typeChanged(path, o, n);
      return;
    }
    switch (o.getType()) {
      case RECORD -> record(path, o, n);
      case ENUM -> enumeration(path, o, n);
      case FIXED -> fixed(path, o, n);
      case ARRAY -> diff(path + "/items", o.getElementType(), n.getElementType());
      case MAP -> diff(path + "/values", o.getValueType(), n.getValueType());
      case UNION -> union(path, o, n);
      default -> logicalType(path, o, n);
    }
  }

  private void typeChanged(String path, Schema o, Schema n) {
    String at = at(path);
    if (n.getType() == Schema.Type.UNION) {
      int match = branchIndex(n, o);
      if (match >= 0) {
        for (int j = 0; j < n.getTypes().size(); j++) {
          if (j != match) {
            out.add(branchAdded(at + "/" + j, n.getTypes().get(j)));
          }
        }
        diff(path + "/" + match, o, n.getTypes().get(match));
        return;
      }
    } else if (o.getType() == Schema.Type.UNION) {
      int match = branchIndex(o, n);
      if (match >= 0) {
        for (int i = 0; i < o.getTypes().size(); i++) {
          if (i != match) {
            out.add(branchRemoved(at + "/" + i, o.getTypes().get(i)));
          }
        }
        diff(path + "/" + match, o.getTypes().get(match), n);
        return;
      }
    }
    out.add(
        Finding.info(
            at,
            AvroTypes.typeChange(o, n),
            "type changed from %s to %s"
                .formatted(AvroIncompatibilities.describe(o), AvroIncompatibilities.describe(n))));
  }

  private void record(String path, Schema o, Schema n) {
    if (!enterNamed(path, o, n)) {
      return;
    }
    doc(path, o.getDoc(), n.getDoc());
    int matched = 0;
    Map<String, String> renamedFrom = null;
    for (Schema.Field nf : n.getFields()) {
      String fieldPath = path + "/fields/" + nf.name();
      Schema.Field of = o.getField(nf.name());
      if (of == null) {
        of = byAlias(o, nf);
        if (of != null) {
          if (renamedFrom == null) {
            renamedFrom = new HashMap<>();
          }
          renamedFrom.put(of.name(), nf.name());
          out.add(
              Finding.info(
                  fieldPath,
                  ChangeType.FIELD_RENAMED,
                  "field '%s' renamed to '%s' (with an alias)".formatted(of.name(), nf.name())));
        }
      }
      if (of == null) {
        out.add(
            Finding.info(
                fieldPath,
                ChangeType.FIELD_ADDED,
                nf.hasDefaultValue()
                    ? "field '%s' added with a default".formatted(nf.name())
                    : "field '%s' added without a default".formatted(nf.name())));
        continue;
      }
      matched++;
      field(fieldPath, of, nf);
    }
    if (matched == o.getFields().size()) {
      return;
    }
    for (Schema.Field of : o.getFields()) {
      boolean kept =
          n.getField(of.name()) != null
              || (renamedFrom != null && renamedFrom.containsKey(of.name()));
      if (!kept) {
        out.add(
            Finding.info(
                path + "/fields/" + of.name(),
                ChangeType.FIELD_REMOVED,
                of.hasDefaultValue()
                    ? "field '%s' removed (it had a default)".formatted(of.name())
                    : "field '%s' removed".formatted(of.name())));
      }
    }
  }

  private void field(String fieldPath, Schema.Field of, Schema.Field nf) {
    diff(fieldPath + "/type", of.schema(), nf.schema());
    boolean oldDefault = of.hasDefaultValue();
    boolean newDefault = nf.hasDefaultValue();
    if (oldDefault != newDefault) {
      out.add(
          Finding.info(
              fieldPath + "/default",
              newDefault ? ChangeType.FIELD_DEFAULT_ADDED : ChangeType.FIELD_DEFAULT_REMOVED,
              newDefault
                  ? "field '%s' gained a default".formatted(nf.name())
                  : "field '%s' lost its default".formatted(nf.name())));
    } else if (oldDefault && !Objects.equals(of.defaultVal(), nf.defaultVal())) {
      out.add(
          Finding.info(
              fieldPath + "/default",
              ChangeType.FIELD_DEFAULT_CHANGED,
              "default of field '%s' changed".formatted(nf.name())));
    }
    doc(fieldPath, of.doc(), nf.doc());
    if (!of.aliases().equals(nf.aliases()) && nf.aliases().containsAll(of.aliases())) {
      out.add(
          Finding.info(
              fieldPath + "/aliases",
              ChangeType.ALIAS_ADDED,
              "field '%s' gained aliases".formatted(nf.name())));
    } else if (!of.aliases().equals(nf.aliases())) {
      out.add(
          Finding.info(
              fieldPath + "/aliases",
              ChangeType.OTHER,
              "aliases of field '%s' changed".formatted(nf.name())));
    }
  }

  private static Schema.Field byAlias(Schema oldRecord, Schema.Field newField) {
    for (String alias : newField.aliases()) {
      Schema.Field of = oldRecord.getField(alias);
      if (of != null) {
        return of;
      }
    }
    return null;
  }

  private void enumeration(String path, Schema o, Schema n) {
    if (!enterNamed(path, o, n)) {
      return;
    }
    doc(path, o.getDoc(), n.getDoc());
    List<String> removed = new ArrayList<>(o.getEnumSymbols());
    removed.removeAll(n.getEnumSymbols());
    List<String> added = new ArrayList<>(n.getEnumSymbols());
    added.removeAll(o.getEnumSymbols());
    if (!removed.isEmpty()) {
      out.add(
          Finding.info(
              path + "/symbols",
              ChangeType.ENUM_SYMBOL_REMOVED,
              "enum %s lost symbols %s".formatted(n.getFullName(), removed)));
    }
    if (!added.isEmpty()) {
      out.add(
          Finding.info(
              path + "/symbols",
              ChangeType.ENUM_SYMBOL_ADDED,
              "enum %s gained symbols %s".formatted(n.getFullName(), added)));
    }
    if (!Objects.equals(o.getEnumDefault(), n.getEnumDefault())) {
      out.add(
          Finding.info(
              path + "/default",
              ChangeType.ENUM_DEFAULT_CHANGED,
              "default of enum %s changed from %s to %s"
                  .formatted(n.getFullName(), o.getEnumDefault(), n.getEnumDefault())));
    }
  }

  private void fixed(String path, Schema o, Schema n) {
    if (!enterNamed(path, o, n)) {
      return;
    }
    if (o.getFixedSize() != n.getFixedSize()) {
      out.add(
          Finding.info(
              path + "/size",
              ChangeType.FIXED_SIZE_CHANGED,
              "fixed %s size changed from %d to %d"
                  .formatted(n.getFullName(), o.getFixedSize(), n.getFixedSize())));
    }
    logicalType(path, o, n);
  }

  /** Reports a rename and stops at a pair already being compared (recursive types). */
  private boolean enterNamed(String path, Schema o, Schema n) {
    if (!visitedNamedPairs.add(o.getFullName() + '\u0000' + n.getFullName())) {
      return false;
    }
    if (!o.getFullName().equals(n.getFullName())) {
      boolean aliased = n.getAliases().contains(o.getFullName());
      out.add(
          Finding.info(
              path + "/name",
              aliased ? ChangeType.ALIAS_ADDED : ChangeType.NAME_CHANGED,
              "%s renamed from %s to %s%s"
                  .formatted(
                      n.getType().getName(),
                      o.getFullName(),
                      n.getFullName(),
                      aliased ? " (with an alias)" : "")));
    }
    return true;
  }

  private void union(String path, Schema o, Schema n) {
    List<Schema> oldBranches = o.getTypes();
    List<Schema> newBranches = n.getTypes();
    for (int j = 0; j < newBranches.size(); j++) {
      Schema nb = newBranches.get(j);
      int i = branchIndex(o, nb);
      if (i < 0) {
        out.add(branchAdded(path + "/" + j, nb));
      } else {
        diff(path + "/" + i, oldBranches.get(i), nb);
      }
    }
    for (int i = 0; i < oldBranches.size(); i++) {
      if (branchIndex(n, oldBranches.get(i)) < 0) {
        out.add(branchRemoved(path + "/" + i, oldBranches.get(i)));
      }
    }
  }

  private static int branchIndex(Schema union, Schema branch) {
    Integer index = union.getIndexNamed(AvroTypes.branchKey(branch));
    return index == null ? -1 : index;
  }

  private static Finding branchAdded(String path, Schema branch) {
    return Finding.info(
        path,
        ChangeType.UNION_BRANCH_ADDED,
        branch.getType() == Schema.Type.NULL
            ? "made optional: null added to the union"
            : "%s added to the union".formatted(AvroIncompatibilities.describe(branch)));
  }

  private static Finding branchRemoved(String path, Schema branch) {
    return Finding.info(
        path,
        ChangeType.UNION_BRANCH_REMOVED,
        branch.getType() == Schema.Type.NULL
            ? "no longer optional: null removed from the union"
            : "%s removed from the union".formatted(AvroIncompatibilities.describe(branch)));
  }

  /**
   * Avro's resolution ignores logical types, but the same bytes then mean something else (a scale
   * change moves the decimal point; millis read as micros are off by 1000): breaking both ways.
   * Raising a decimal's precision only widens it.
   */
  private void logicalType(String path, Schema o, Schema n) {
    LogicalType ol = o.getLogicalType();
    LogicalType nl = n.getLogicalType();
    if (AvroTypes.sameLogicalType(ol, nl)) {
      return;
    }
    String at = at(path);
    Finding.Breakage meaning =
        Finding.breaks(
            "the same bytes would be read with another meaning",
            "keep %s; add a new field for the new representation"
                .formatted(AvroIncompatibilities.describe(o)));
    if (ol instanceof LogicalTypes.Decimal od
        && nl instanceof LogicalTypes.Decimal nd
        && od.getScale() == nd.getScale()) {
      boolean widened = nd.getPrecision() > od.getPrecision();
      String keep = "keep the precision at %d".formatted(od.getPrecision());
      out.add(
          Finding.of(
              at,
              widened ? ChangeType.TYPE_WIDENED : ChangeType.TYPE_NARROWED,
              "decimal precision changed from %d to %d"
                  .formatted(od.getPrecision(), nd.getPrecision()),
              widened ? null : Finding.breaks("old values may not fit", keep),
              widened ? Finding.breaks("old readers cannot hold the larger values", keep) : null));
      return;
    }
    out.add(
        Finding.of(
            at,
            ChangeType.LOGICAL_TYPE_CHANGED,
            "logical type changed from %s to %s"
                .formatted(AvroIncompatibilities.describe(o), AvroIncompatibilities.describe(n)),
            meaning,
            meaning));
  }

  private void doc(String path, String oldDoc, String newDoc) {
    if (!Objects.equals(oldDoc, newDoc)) {
      out.add(Finding.info(path + "/doc", ChangeType.DOC_CHANGED, "documentation changed"));
    }
  }

  private static String at(String path) {
    return path.isEmpty() ? "/" : path;
  }
}
