package dev.schemagate.cli.manifest;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.util.Map;
import java.util.Optional;

/**
 * A schema as a repository declares it: a DataSchema manifest (text inline or from a ConfigMap) or
 * a raw {@code .avsc} / JSON Schema file mapped to a subject.
 *
 * @param file the file that declares it (the manifest, or the raw file)
 * @param line the line of the declaration in {@code file}
 * @param subject the registry subject
 * @param format the schema language
 * @param level the compatibility level the subject is held to
 * @param text the schema text
 * @param textFile the file that holds the text (a ConfigMap's file may differ from {@code file})
 * @param textLine the line of {@code textFile} where the text begins
 * @param configMap {@code namespace/name:key} when the text comes from a ConfigMap
 * @param owner the owning team, if declared
 * @param references each Confluent reference's name (an Avro full name, a JSON Schema {@code $ref})
 *     to the text of the referenced subject's schema, found beside the manifest
 */
public record SchemaManifest(
    String file,
    int line,
    String subject,
    SchemaFormat format,
    CompatibilityLevel level,
    String text,
    String textFile,
    int textLine,
    Optional<String> configMap,
    Optional<String> owner,
    Map<String, String> references) {
  public SchemaManifest {
    references = Map.copyOf(references);
  }

  /** Parses the text with its references resolved. */
  public ParsedSchema parse() throws InvalidSchemaException {
    return Schemas.parser().parse(format, text, references);
  }
}
