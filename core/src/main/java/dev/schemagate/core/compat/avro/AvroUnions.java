package dev.schemagate.core.compat.avro;

import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Finding;
import java.util.List;
import org.apache.avro.Schema;

/** How the structural diff matches union branches old to new, and names an added or removed one. */
final class AvroUnions {
  private AvroUnions() {}

  /** The usual case: the same branches in the same order, matched without map lookups. */
  static boolean sameBranches(List<Schema> oldBranches, List<Schema> newBranches) {
    if (oldBranches.size() != newBranches.size()) {
      return false;
    }
    for (int i = 0; i < oldBranches.size(); i++) {
      Schema ob = oldBranches.get(i);
      Schema nb = newBranches.get(i);
      if (ob.getType() != nb.getType()
          || (AvroTypes.isNamed(ob) && !ob.getFullName().equals(nb.getFullName()))) {
        return false;
      }
    }
    return true;
  }

  static int branchIndex(Schema union, Schema branch) {
    Integer index = union.getIndexNamed(AvroTypes.branchKey(branch));
    return index == null ? -1 : index;
  }

  static Finding branchAdded(String at, Schema branch) {
    return branch(at, branch, ChangeType.UNION_BRANCH_ADDED, "made optional", "added to");
  }

  static Finding branchRemoved(String at, Schema branch) {
    return branch(
        at, branch, ChangeType.UNION_BRANCH_REMOVED, "no longer optional", "removed from");
  }

  private static Finding branch(
      String at, Schema branch, ChangeType type, String optionality, String verb) {
    return Finding.info(
        at,
        type,
        branch.getType() == Schema.Type.NULL
            ? "%s: null %s the union".formatted(optionality, verb)
            : AvroIncompatibilities.describe(branch) + " " + verb + " the union");
  }
}
