package dev.schemagate.core.compat.avro;

import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.util.internal.Accessor;

/**
 * Names every change between two Avro schemas, old to new. It does not decide resolution (the
 * library does); it flags only what the library ignores: logical types, whose change reinterprets
 * the same bytes. Runs on every check, so unchanged fields cost a comparison or two and no
 * allocation (paths are a stack, turned into text only for a change).
 */
final class AvroStructuralDiff {
  private final List<Finding> out = new ArrayList<>();
  private final Set<NamedPair> visitedRecords = new HashSet<>();
  private final AvroPath path = new AvroPath();

  List<Finding> diff(Schema older, Schema newer) {
    compare(older, newer);
    return out;
  }

  private void compare(Schema o, Schema n) {
    if (o == n) {
      return;
    }
    Schema.Type type = o.getType();
    if (type != n.getType()) {
      typeChanged(o, n);
      return;
    }
    switch (type) {
      case RECORD -> record(o, n);
      case ENUM -> enumeration(o, n);
      case FIXED -> fixed(o, n);
      case ARRAY -> inside("items", o.getElementType(), n.getElementType());
      case MAP -> inside("values", o.getValueType(), n.getValueType());
      case UNION -> union(o, n);
      default -> logicalType(o, n);
    }
  }

  private void inside(String segment, Schema o, Schema n) {
    path.push(segment);
    compare(o, n);
    path.pop();
  }

  private void inside(int index, Schema o, Schema n) {
    path.push(index);
    compare(o, n);
    path.pop();
  }

  private static boolean isPrimitive(Schema.Type type) {
    return switch (type) {
      case RECORD, ENUM, FIXED, ARRAY, MAP, UNION -> false;
      default -> true;
    };
  }

  private void typeChanged(Schema o, Schema n) {
    if (n.getType() == Schema.Type.UNION) {
      int match = AvroUnions.branchIndex(n, o);
      if (match >= 0) {
        for (int j = 0; j < n.getTypes().size(); j++) {
          if (j != match) {
            out.add(AvroUnions.branchAdded(path.with(Integer.toString(j)), n.getTypes().get(j)));
          }
        }
        inside(match, o, n.getTypes().get(match));
        return;
      }
    } else if (o.getType() == Schema.Type.UNION) {
      int match = AvroUnions.branchIndex(o, n);
      if (match >= 0) {
        for (int i = 0; i < o.getTypes().size(); i++) {
          if (i != match) {
            out.add(AvroUnions.branchRemoved(path.with(Integer.toString(i)), o.getTypes().get(i)));
          }
        }
        inside(match, o.getTypes().get(match), n);
        return;
      }
    }
    out.add(
        Finding.info(
            path.here(),
            AvroTypes.typeChange(o, n),
            "type changed from "
                + AvroIncompatibilities.describe(o)
                + " to "
                + AvroIncompatibilities.describe(n)));
  }

  private void record(Schema o, Schema n) {
    if (!enterNamed(o, n)) {
      return;
    }
    doc(o.getDoc(), n.getDoc());
    int matched = 0;
    Map<String, String> renamedFrom = null;
    List<Schema.Field> oldFields = o.getFields();
    List<Schema.Field> newFields = n.getFields();
    path.push("fields");
    for (int i = 0; i < newFields.size(); i++) {
      Schema.Field nf = newFields.get(i);
      Schema.Field of = samePosition(oldFields, i, nf.name());
      if (of == null) {
        of = o.getField(nf.name());
      }
      if (of != null && unchangedSimpleField(of, nf)) {
        matched++;
        continue;
      }
      if (of == null) {
        of = byAlias(o, nf);
        if (of != null) {
          if (renamedFrom == null) {
            renamedFrom = new HashMap<>();
          }
          renamedFrom.put(of.name(), nf.name());
          out.add(
              Finding.info(
                  path.with(nf.name()),
                  ChangeType.FIELD_RENAMED,
                  "field '" + of.name() + "' renamed to '" + nf.name() + "' (with an alias)"));
        }
      }
      if (of == null) {
        out.add(
            Finding.info(
                path.with(nf.name()),
                ChangeType.FIELD_ADDED,
                "field '"
                    + nf.name()
                    + (nf.hasDefaultValue()
                        ? "' added with a default"
                        : "' added without a default")));
        continue;
      }
      matched++;
      path.push(nf.name());
      field(of, nf);
      path.pop();
    }
    if (matched < oldFields.size()) {
      for (Schema.Field of : oldFields) {
        boolean kept =
            n.getField(of.name()) != null
                || (renamedFrom != null && renamedFrom.containsKey(of.name()));
        if (!kept) {
          out.add(
              Finding.info(
                  path.with(of.name()),
                  ChangeType.FIELD_REMOVED,
                  "field '"
                      + of.name()
                      + (of.hasDefaultValue() ? "' removed (it had a default)" : "' removed")));
        }
      }
    }
    path.pop();
  }

  /** Versions mostly keep field order: try the same position before a map lookup. */
  private static Schema.Field samePosition(List<Schema.Field> oldFields, int i, String name) {
    if (i < oldFields.size()) {
      Schema.Field candidate = oldFields.get(i);
      if (candidate.name().equals(name)) {
        return candidate;
      }
    }
    return null;
  }

  /** A primitive field with the same type, default, doc and aliases: the common case, no work. */
  private static boolean unchangedSimpleField(Schema.Field of, Schema.Field nf) {
    Schema os = of.schema();
    Schema ns = nf.schema();
    return os.getType() == ns.getType()
        && isPrimitive(os.getType())
        && AvroTypes.sameLogicalType(os.getLogicalType(), ns.getLogicalType())
        && !of.hasDefaultValue()
        && !nf.hasDefaultValue()
        && Objects.equals(of.doc(), nf.doc())
        && of.aliases().isEmpty()
        && nf.aliases().isEmpty();
  }

  /** Compares a matched field; the path is at the field. */
  private void field(Schema.Field of, Schema.Field nf) {
    inside("type", of.schema(), nf.schema());
    boolean oldDefault = of.hasDefaultValue();
    boolean newDefault = nf.hasDefaultValue();
    if (oldDefault != newDefault) {
      out.add(
          Finding.info(
              path.with("default"),
              newDefault ? ChangeType.FIELD_DEFAULT_ADDED : ChangeType.FIELD_DEFAULT_REMOVED,
              "field '" + nf.name() + (newDefault ? "' gained a default" : "' lost its default")));
    } else if (oldDefault
        && !Objects.equals(Accessor.defaultValue(of), Accessor.defaultValue(nf))) {
      out.add(
          Finding.info(
              path.with("default"),
              ChangeType.FIELD_DEFAULT_CHANGED,
              "default of field '" + nf.name() + "' changed"));
    }
    doc(of.doc(), nf.doc());
    Set<String> oldAliases = of.aliases();
    Set<String> newAliases = nf.aliases();
    if (oldAliases.equals(newAliases)) {
      return;
    }
    boolean added = newAliases.containsAll(oldAliases);
    out.add(
        Finding.info(
            path.with("aliases"),
            added ? ChangeType.ALIAS_ADDED : ChangeType.OTHER,
            added
                ? "field '" + nf.name() + "' gained aliases"
                : "aliases of field '" + nf.name() + "' changed"));
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

  private void enumeration(Schema o, Schema n) {
    if (!enterNamed(o, n)) {
      return;
    }
    doc(o.getDoc(), n.getDoc());
    if (o.getEnumSymbols().equals(n.getEnumSymbols())
        && Objects.equals(o.getEnumDefault(), n.getEnumDefault())) {
      return;
    }
    List<String> removed = new ArrayList<>(o.getEnumSymbols());
    removed.removeAll(n.getEnumSymbols());
    List<String> added = new ArrayList<>(n.getEnumSymbols());
    added.removeAll(o.getEnumSymbols());
    if (!removed.isEmpty()) {
      out.add(
          Finding.info(
              path.with("symbols"),
              ChangeType.ENUM_SYMBOL_REMOVED,
              "enum " + n.getFullName() + " lost symbols " + removed));
    }
    if (!added.isEmpty()) {
      out.add(
          Finding.info(
              path.with("symbols"),
              ChangeType.ENUM_SYMBOL_ADDED,
              "enum " + n.getFullName() + " gained symbols " + added));
    }
    if (!Objects.equals(o.getEnumDefault(), n.getEnumDefault())) {
      out.add(
          Finding.info(
              path.with("default"),
              ChangeType.ENUM_DEFAULT_CHANGED,
              "default of enum %s changed from %s to %s"
                  .formatted(n.getFullName(), o.getEnumDefault(), n.getEnumDefault())));
    }
  }

  private void fixed(Schema o, Schema n) {
    if (!enterNamed(o, n)) {
      return;
    }
    if (o.getFixedSize() != n.getFixedSize()) {
      out.add(
          Finding.info(
              path.with("size"),
              ChangeType.FIXED_SIZE_CHANGED,
              "fixed %s size changed from %d to %d"
                  .formatted(n.getFullName(), o.getFixedSize(), n.getFixedSize())));
    }
    logicalType(o, n);
  }

  /**
   * Reports a rename; for records, stops at a pair already compared (recursive or reused types).
   * Enums and fixed types cannot contain themselves, so they skip the bookkeeping.
   */
  private boolean enterNamed(Schema o, Schema n) {
    if (o.getType() == Schema.Type.RECORD && !visitedRecords.add(new NamedPair(o, n))) {
      return false;
    }
    if (!o.getFullName().equals(n.getFullName())) {
      boolean aliased = n.getAliases().contains(o.getFullName());
      out.add(
          Finding.info(
              path.with("name"),
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

  private void union(Schema o, Schema n) {
    List<Schema> oldBranches = o.getTypes();
    List<Schema> newBranches = n.getTypes();
    if (AvroUnions.sameBranches(oldBranches, newBranches)) {
      for (int i = 0; i < newBranches.size(); i++) {
        inside(i, oldBranches.get(i), newBranches.get(i));
      }
      return;
    }
    for (int j = 0; j < newBranches.size(); j++) {
      Schema nb = newBranches.get(j);
      int i = AvroUnions.branchIndex(o, nb);
      if (i < 0) {
        out.add(AvroUnions.branchAdded(path.with(Integer.toString(j)), nb));
      } else {
        inside(i, oldBranches.get(i), nb);
      }
    }
    for (int i = 0; i < oldBranches.size(); i++) {
      if (AvroUnions.branchIndex(n, oldBranches.get(i)) < 0) {
        out.add(AvroUnions.branchRemoved(path.with(Integer.toString(i)), oldBranches.get(i)));
      }
    }
  }

  private void logicalType(Schema o, Schema n) {
    AvroLogicalTypes.change(path, o, n).ifPresent(out::add);
  }

  private void doc(String oldDoc, String newDoc) {
    if (!Objects.equals(oldDoc, newDoc)) {
      out.add(Finding.info(path.with("doc"), ChangeType.DOC_CHANGED, "documentation changed"));
    }
  }

  /** Records met again (recursion, reuse) are compared once; identity, not Schema.equals. */
  private record NamedPair(Schema older, Schema newer) {
    @Override
    public boolean equals(Object other) {
      return other instanceof NamedPair p && p.older == older && p.newer == newer;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(older) + System.identityHashCode(newer);
    }
  }
}
