package dev.schemagate.core.compat.avro;

import dev.schemagate.core.compat.Directions;
import dev.schemagate.core.compat.Finding;
import dev.schemagate.core.compat.PairwiseChecker;
import dev.schemagate.core.schema.AvroSchemaDoc;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Avro: the specification's schema-resolution rules through Apache Avro's own {@link
 * SchemaCompatibility}, once per direction asked for, each incompatibility turned into a change
 * with a readable path; then a cheap structural diff lists what changed without breaking (fields
 * added with defaults, docs, aliases...) so the version bump and the report are complete.
 */
public final class AvroPairwiseChecker implements PairwiseChecker {

  @Override
  public List<Finding> compare(ParsedSchema older, ParsedSchema newer, Directions directions) {
    Schema oldSchema = ((AvroSchemaDoc) older).schema();
    Schema newSchema = ((AvroSchemaDoc) newer).schema();
    List<Finding> library = new ArrayList<>();
    if (directions.backward()) {
      resolve(newSchema, oldSchema, true, library);
    }
    if (directions.forward()) {
      resolve(oldSchema, newSchema, false, library);
    }
    List<Finding> structural = new AvroStructuralDiff().diff(oldSchema, newSchema);
    return merge(library, structural);
  }

  private static void resolve(Schema reader, Schema writer, boolean backward, List<Finding> out) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      out.add(AvroIncompatibilities.toFinding(incompatibility, reader, writer, backward));
    }
  }

  /**
   * The library is the authority on what breaks; the structural diff names what changed. Where both
   * speak about the same path, the library's finding stays and takes any extra breaking flag.
   */
  private static List<Finding> merge(List<Finding> library, List<Finding> structural) {
    Map<String, Finding> byPath = new LinkedHashMap<>();
    for (Finding f : library) {
      byPath.merge(f.path() + '\u0000' + f.type(), f, Finding::orFlags);
    }
    if (byPath.isEmpty()) {
      return structural;
    }
    Set<String> breakingPaths = new HashSet<>();
    byPath.values().forEach(f -> breakingPaths.add(f.path()));
    List<Finding> merged = new ArrayList<>(byPath.values());
    for (Finding f : structural) {
      if (!breakingPaths.contains(f.path())) {
        merged.add(f);
      }
    }
    return merged;
  }
}
