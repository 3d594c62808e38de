package dev.schemagate.registry.server.registry;

import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.CompatibilityChecker;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.compat.VersionBump;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Stands in for the core compatibility engine until it is merged: Avro through Avro's own {@link
 * SchemaCompatibility}; JSON Schema accepted only when the canonical forms are equal. Replaced by
 * core's checker in {@code CoreEngines} as soon as core ships it.
 */
final class InterimCompatibilityChecker implements CompatibilityChecker {

  @Override
  public CompatibilityResult check(
      CompatibilityLevel level, List<? extends ParsedSchema> history, ParsedSchema candidate) {
    List<Change> changes = new ArrayList<>();
    List<? extends ParsedSchema> against =
        level.isTransitive() || history.isEmpty() ? history : List.of(history.getLast());
    for (ParsedSchema old : against) {
      if (level.checksBackward()) {
        changes.addAll(diff(candidate, old, "backward"));
      }
      if (level.checksForward()) {
        changes.addAll(diff(old, candidate, "forward"));
      }
    }
    return new CompatibilityResult(
        level, changes, changes.isEmpty() ? VersionBump.NONE : VersionBump.MAJOR);
  }

  private static List<Change> diff(ParsedSchema reader, ParsedSchema writer, String direction) {
    if (reader.format() != writer.format()) {
      return List.of(
          new Change(
              "/", ChangeType.TYPE_CHANGED, true, "the schema format changed", Optional.empty()));
    }
    if (reader.format() == SchemaFormat.JSON) {
      return reader.canonicalForm().equals(writer.canonicalForm())
          ? List.of()
          : List.of(
              new Change(
                  "/",
                  ChangeType.OTHER,
                  true,
                  "JSON Schema changes need the core compatibility engine",
                  Optional.empty()));
    }
    Schema readerSchema = new Schema.Parser().parse(reader.text());
    Schema writerSchema = new Schema.Parser().parse(writer.text());
    List<Change> changes = new ArrayList<>();
    for (Incompatibility incompatibility :
        SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema)
            .getResult()
            .getIncompatibilities()) {
      changes.add(
          new Change(
              incompatibility.getLocation(),
              ChangeType.OTHER,
              true,
              direction + ": " + incompatibility.getType() + ": " + incompatibility.getMessage(),
              Optional.empty()));
    }
    return changes;
  }
}
