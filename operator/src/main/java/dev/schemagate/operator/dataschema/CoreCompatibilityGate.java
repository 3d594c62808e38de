package dev.schemagate.operator.dataschema;

import dev.schemagate.core.compat.CompatibilityChecker;
import dev.schemagate.core.compat.CompatibilityResult;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.core.schema.SchemaReference;
import dev.schemagate.crds.v1alpha1.BreakingChange;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a candidate with the core engine against the subject's history as the registry holds it
 * (the latest version, or every version for the transitive levels), so each breaking change comes
 * with its path and suggested fix. History the engine cannot parse falls back to the registry's own
 * verdict.
 */
final class CoreCompatibilityGate implements CompatibilityGate {
  private final SchemaRegistryClient registry;
  private final SchemaParser parser;
  private final CompatibilityChecker checker;
  private final CompatibilityGate fallback;

  CoreCompatibilityGate(
      SchemaRegistryClient registry,
      SchemaParser parser,
      CompatibilityChecker checker,
      CompatibilityGate fallback) {
    this.registry = registry;
    this.parser = parser;
    this.checker = checker;
    this.fallback = fallback;
  }

  @Override
  public List<BreakingChange> breakingChanges(Candidate candidate, RegisteredSchema latest)
      throws RegistryException {
    List<ParsedSchema> history;
    try {
      history = history(candidate, latest);
    } catch (InvalidSchemaException unparsable) {
      return fallback.breakingChanges(candidate, latest);
    }
    CompatibilityResult result =
        checker.check(candidate.level(), history, candidate.parsedSchema());
    return result.breakingChanges().stream()
        .map(
            c ->
                new BreakingChange(
                    c.path(), c.type().name(), c.message(), c.suggestedFix().orElse(null)))
        .toList();
  }

  private List<ParsedSchema> history(Candidate candidate, RegisteredSchema latest)
      throws RegistryException, InvalidSchemaException {
    if (!candidate.level().isTransitive()) {
      return List.of(parse(latest));
    }
    List<ParsedSchema> history = new ArrayList<>();
    for (int version : registry.versions(candidate.subject())) {
      var schema = registry.version(candidate.subject(), version);
      if (schema.isPresent()) {
        history.add(parse(schema.get()));
      }
    }
    return history;
  }

  private ParsedSchema parse(RegisteredSchema schema)
      throws RegistryException, InvalidSchemaException {
    Map<String, String> referenced = new HashMap<>();
    for (SchemaReference ref : schema.references()) {
      var found = registry.version(ref.subject(), ref.version());
      if (found.isEmpty()) {
        throw new InvalidSchemaException("reference " + ref.name() + " is gone");
      }
      referenced.put(ref.name(), found.get().schema());
    }
    return parser.parse(schema.format(), schema.schema(), referenced);
  }
}
