package dev.schemagate.operator.promotion;

import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.ChangeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The existing fields a change set touches, as dotted paths ({@code amount}, {@code
 * shipping.city}): read from change paths such as {@code /fields/amount/type} (Avro) or {@code
 * /properties/shipping/properties/city} (JSON Schema). Added fields and documentation touch no
 * consumer, so they are left out.
 */
final class ChangedFields {
  private static final Set<ChangeType> HARMLESS =
      Set.of(ChangeType.FIELD_ADDED, ChangeType.DOC_CHANGED, ChangeType.ALIAS_ADDED);

  private ChangedFields() {}

  static List<String> of(List<Change> changes) {
    Set<String> fields = new LinkedHashSet<>();
    for (Change change : changes) {
      if (HARMLESS.contains(change.type())) {
        continue;
      }
      field(change.path()).ifPresent(fields::add);
    }
    return List.copyOf(fields);
  }

  static java.util.Optional<String> field(String path) {
    String[] tokens = path.split("/");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < tokens.length - 1; i++) {
      if (tokens[i].equals("fields") || tokens[i].equals("properties")) {
        names.add(tokens[++i]);
      }
    }
    return names.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(String.join(".", names));
  }
}
