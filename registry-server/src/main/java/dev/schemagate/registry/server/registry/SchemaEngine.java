package dev.schemagate.registry.server.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.schemagate.core.compat.CompatibilityChecker;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.core.schema.SchemaReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The core engine as the registry uses it: parsing with resolved references, content keys, and
 * compatibility checks over parsed history kept in a bounded cache (stored schemas never change
 * under their id, so the cache needs no invalidation).
 */
public final class SchemaEngine {
  private final SchemaParser parser;
  private final CompatibilityChecker checker;
  private final Cache<Integer, ParsedSchema> parsedById =
      Caffeine.newBuilder().maximumSize(10_000).build();
  private final Timer checks;

  public SchemaEngine(SchemaParser parser, CompatibilityChecker checker, MeterRegistry metrics) {
    this.parser = parser;
    this.checker = checker;
    this.checks =
        Timer.builder("schemagate.compat.checks")
            .description("time in the core compatibility engine per check")
            .publishPercentileHistogram()
            .register(metrics);
  }

  /** Parses submitted text; {@code resolved} maps every (transitive) reference name to its text. */
  public ParsedSchema parse(SchemaFormat format, String text, Map<String, String> resolved) {
    try {
      return parser.parse(format, text, resolved);
    } catch (InvalidSchemaException e) {
      throw RegistryServerException.invalidSchema("Invalid schema: " + e.getMessage());
    } catch (RuntimeException e) {
      // A parser bug must still answer as an invalid schema, not a 500 with a stack trace.
      throw RegistryServerException.invalidSchema(
          "Invalid schema: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** A stored schema parsed once and then served from the cache. */
  public ParsedSchema parsedStored(StoredSchema stored, Map<String, String> resolved) {
    ParsedSchema cached = parsedById.getIfPresent(stored.id());
    if (cached != null) {
      return cached;
    }
    ParsedSchema parsed = parse(stored.format(), stored.schema(), resolved);
    parsedById.put(stored.id(), parsed);
    return parsed;
  }

  public java.util.Optional<ParsedSchema> cachedParse(int id) {
    return java.util.Optional.ofNullable(parsedById.getIfPresent(id));
  }

  public boolean isParsed(int id) {
    return parsedById.getIfPresent(id) != null;
  }

  public CompatibilityResult check(
      CompatibilityLevel level, List<ParsedSchema> history, ParsedSchema candidate) {
    return checks.record(() -> checker.check(level, history, candidate));
  }

  /**
   * Identical content has one id: the format, the canonical fingerprint, and the references (the
   * same text resolved against other subjects is different content).
   */
  public static String contentKey(ParsedSchema parsed, List<SchemaReference> references) {
    String key = parsed.format().name() + ":" + parsed.fingerprint().value();
    if (references.isEmpty()) {
      return key;
    }
    return key
        + "|"
        + references.stream()
            .map(r -> r.name() + "=" + r.subject() + "@" + r.version())
            .collect(Collectors.joining(","));
  }

  /** Each breaking change as one line a person can act on. */
  public static List<String> describeBreaking(CompatibilityResult result) {
    return result.breakingChanges().stream()
        .map(
            change ->
                change.path()
                    + ": "
                    + change.message()
                    + change.suggestedFix().map(fix -> " (fix: " + fix + ")").orElse(""))
        .toList();
  }
}
