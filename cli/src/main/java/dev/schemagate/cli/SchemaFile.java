package dev.schemagate.cli;

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
import java.util.Optional;

/** Reads schema files: strict UTF-8, a size limit, the format from the extension. */
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

  static ParsedSchema parse(Path file, SchemaFormat format) {
    String text = read(file);
    try {
      return Schemas.parser().parse(format, text);
    } catch (InvalidSchemaException e) {
      throw new CliException(CliException.Reason.INVALID_SCHEMA, file + ": " + e.getMessage());
    }
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

  /** The explicit format, or the one every file's extension agrees on. */
  static SchemaFormat resolveFormat(Optional<SchemaFormat> explicit, List<Path> files) {
    if (explicit.isPresent()) {
      return explicit.get();
    }
    SchemaFormat found = null;
    for (Path file : files) {
      SchemaFormat format =
          formatOf(file)
              .orElseThrow(
                  () ->
                      new CliException(
                          CliException.Reason.USAGE,
                          "cannot tell the format of %s from its extension: pass --format avro|json"
                              .formatted(file)));
      if (found != null && found != format) {
        throw new CliException(
            CliException.Reason.USAGE,
            "files mix formats (%s is %s, others %s): pass --format avro|json"
                .formatted(file, format, found));
      }
      found = format;
    }
    return found;
  }
}
