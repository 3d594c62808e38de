package dev.schemagate.core.review;

import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaLimitException;
import dev.schemagate.core.schema.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A subject's registered versions, oldest first, parsed once so that callers may keep it (a webhook
 * caches it for a few seconds) and review many proposals against it.
 *
 * @param unreadable why the history could not be parsed, if it could not; then {@code versions} is
 *     empty and every review against it is refused rather than judged on a partial history
 */
public record SubjectHistory(List<Version> versions, Optional<String> unreadable) {

  /** One parsed registered version. */
  public record Version(int number, ParsedSchema schema) {}

  public SubjectHistory {
    versions = List.copyOf(versions);
  }

  public static SubjectHistory empty() {
    return new SubjectHistory(List.of(), Optional.empty());
  }

  public static SubjectHistory parse(SchemaParser parser, List<RegisteredVersion> registered) {
    List<Version> parsed = new ArrayList<>(registered.size());
    for (RegisteredVersion version : registered) {
      try {
        parsed.add(
            new Version(
                version.version(),
                parser.parse(version.format(), version.schema(), version.references())));
      } catch (InvalidSchemaException | SchemaLimitException unparsable) {
        return new SubjectHistory(
            List.of(),
            Optional.of(
                "registered version %d does not parse: %s"
                    .formatted(version.version(), unparsable.getMessage())));
      }
    }
    return new SubjectHistory(parsed, Optional.empty());
  }

  public boolean isEmpty() {
    return versions.isEmpty();
  }

  public List<ParsedSchema> schemas() {
    return versions.stream().map(Version::schema).toList();
  }

  public Optional<Version> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
  }
}
