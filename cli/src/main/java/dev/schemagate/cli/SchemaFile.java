package dev.schemagate.cli;

import dev.schemagate.cli.manifest.ManifestReader;
import dev.schemagate.cli.manifest.SchemaManifest;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads schema files: strict UTF-8, a size limit, the format from the extension or the DataSchema
 * manifest.
 */
final class SchemaFile {
  /** Far above any real schema; stops a wrong argument (a log, an image) from eating memory. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private SchemaFile() {}

  static String read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new CliException(
            CliException.Reason.UNREADABLE_FILE, file + ": is a directory, not a schema file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new CliException(
            CliException.Reason.UNREADABLE_FILE,
            "%s: %d bytes is too large for a schema (limit %d)".formatted(file, size, MAX_BYTES));
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new CliException(CliException.Reason.UNREADABLE_FILE, file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new CliException(
          CliException.Reason.UNREADABLE_FILE, file + ": not UTF-8 text (a binary file?)");
    } catch (IOException e) {
      throw new CliException(
          CliException.Reason.UNREADABLE_FILE, file + ": cannot read: " + e.getMessage());
    }
  }

  /** A schema file's text and format, read from a raw schema file or a DataSchema manifest. */
  record Loaded(Path file, SchemaFormat format, String text, Map<String, String> references) {
    Loaded(Path file, SchemaFormat format, String text) {
      this(file, format, text, Map.of());
    }

    ParsedSchema parse() {
      try {
        return Schemas.parser().parse(format, text, references);
      } catch (InvalidSchemaException e) {
        throw new CliException(CliException.Reason.INVALID_SCHEMA, file + ": " + e.getMessage());
      }
    }
  }

  /**
   * Reads one schema: a raw file ({@code .avsc}, {@code .json}, or any file with {@code --format})
   * or a DataSchema manifest ({@code .yaml}/{@code .yml}, schema inline or from a ConfigMap in the
   * same file or a file beside it), whose format comes from its {@code spec.format}.
   */
  static Loaded load(Path file, Optional<SchemaFormat> explicit) {
    if (ManifestReader.isManifestFile(file.toString())) {
      SchemaManifest manifest = Manifests.single(file);
      if (explicit.isPresent() && explicit.get() != manifest.format()) {
        throw new CliException(
            CliException.Reason.USAGE,
            "%s: DataSchema %s is %s, not %s as --format says"
                .formatted(file, manifest.subject(), manifest.format(), explicit.get()));
      }
      return new Loaded(file, manifest.format(), manifest.text(), manifest.references());
    }
    SchemaFormat format =
        explicit
            .or(() -> formatOf(file))
            .orElseThrow(
                () ->
                    new CliException(
                        CliException.Reason.USAGE,
                        "cannot tell the format of %s from its extension: pass --format avro|json,"
                                .formatted(file)
                            + " or give a DataSchema manifest (.yaml)"));
    return new Loaded(file, format, read(file));
  }

  /** Loads every file and checks that they are all the same format. */
  static List<Loaded> loadAll(Optional<SchemaFormat> explicit, List<Path> files) {
    List<Loaded> loaded = files.stream().map(f -> load(f, explicit)).toList();
    SchemaFormat first = loaded.getFirst().format();
    for (Loaded one : loaded) {
      if (one.format() != first) {
        throw new CliException(
            CliException.Reason.USAGE,
            "files mix formats (%s is %s, others %s): pass --format avro|json"
                .formatted(one.file(), one.format(), first));
      }
    }
    return loaded;
  }

  /** {@code .avsc} is Avro, {@code .json} JSON Schema; anything else needs {@code --format}. */
  static Optional<SchemaFormat> formatOf(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".avsc")) {
      return Optional.of(SchemaFormat.AVRO);
    }
    if (name.endsWith(".json")) {
      return Optional.of(SchemaFormat.JSON);
    }
    return Optional.empty();
  }
}
