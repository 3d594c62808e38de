package dev.schemagate.cli.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schemagate.cli.manifest.YamlDocument;
import dev.schemagate.cli.manifest.YamlDocuments;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.SchemaFormat;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code .schemagate.yaml} at the repository root: which raw schema files ({@code .avsc}, JSON
 * Schema) are registered under which subject. DataSchema manifests need no entry.
 *
 * <pre>
 * schemas:
 *   - path: "avro/**&#47;*.avsc"       # a glob from the repository root
 *     subject: "{name}-value"      # {name} is the file name without its extension
 *     compatibility: BACKWARD      # default BACKWARD
 *     format: AVRO                 # default from the extension (.avsc AVRO, .json JSON)
 * </pre>
 */
public record RepoConfig(List<Mapping> mappings) {
  public static final String FILE = ".schemagate.yaml";

  /** One entry of {@code schemas}. */
  public record Mapping(
      String glob,
      PathMatcher matcher,
      String subject,
      CompatibilityLevel level,
      Optional<SchemaFormat> format,
      int line) {}

  /** A raw schema file's subject, level and format. */
  public record Target(String subject, CompatibilityLevel level, SchemaFormat format) {}

  public static final RepoConfig EMPTY = new RepoConfig(List.of());

  public RepoConfig {
    mappings = List.copyOf(mappings);
  }

  /** The config in {@code tree}, or none. */
  public static RepoConfig of(GitTree tree) {
    return tree.text(FILE).map(text -> parse(tree.label() + ":" + FILE, text)).orElse(EMPTY);
  }

  static RepoConfig parse(String file, String text) {
    List<YamlDocument> documents = YamlDocuments.parse(file, text);
    if (documents.isEmpty()) {
      return EMPTY;
    }
    YamlDocument document = documents.getFirst();
    JsonNode schemas = document.root().path("schemas");
    if (!schemas.isArray()) {
      throw bad(file, document.line(), "expected a list under 'schemas'");
    }
    List<Mapping> mappings = new ArrayList<>();
    for (int i = 0; i < schemas.size(); i++) {
      JsonNode entry = schemas.get(i);
      int line = document.lineOf("/schemas/" + i + "/path").orElse(document.line());
      String glob = entry.path("path").asText("");
      String subject = entry.path("subject").asText("");
      if (glob.isBlank() || subject.isBlank()) {
        throw bad(file, line, "schemas[%d] needs both 'path' and 'subject'".formatted(i));
      }
      String levelText = entry.path("compatibility").asText("BACKWARD");
      CompatibilityLevel level =
          CompatibilityLevel.parse(levelText)
              .orElseThrow(() -> bad(file, line, "unknown compatibility '" + levelText + "'"));
      Optional<SchemaFormat> format = Optional.empty();
      if (entry.hasNonNull("format")) {
        String formatText = entry.path("format").asText();
        format =
            Optional.of(
                SchemaFormat.fromConfluentType(formatText)
                    .orElseThrow(() -> bad(file, line, "format must be AVRO or JSON")));
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      mappings.add(new Mapping(glob, matcher, subject, level, format, line));
    }
    return new RepoConfig(mappings);
  }

  /** The subject of a raw schema file, if a mapping covers it. */
  public Optional<Target> target(String path) {
    for (Mapping mapping : mappings) {
      if (mapping.matcher().matches(Path.of(path))) {
        String fileName = Path.of(path).getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName;
        Optional<SchemaFormat> format = mapping.format().or(() -> formatOf(path));
        if (format.isEmpty()) {
          continue;
        }
        return Optional.of(
            new Target(mapping.subject().replace("{name}", name), mapping.level(), format.get()));
      }
    }
    return Optional.empty();
  }

  private static Optional<SchemaFormat> formatOf(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".avsc")) {
      return Optional.of(SchemaFormat.AVRO);
    }
    if (lower.endsWith(".json")) {
      return Optional.of(SchemaFormat.JSON);
    }
    return Optional.empty();
  }

  private static DiffException bad(String file, int line, String message) {
    return new DiffException(
        DiffException.Reason.BAD_CONFIG, "%s: line %d: %s".formatted(file, line, message));
  }
}
