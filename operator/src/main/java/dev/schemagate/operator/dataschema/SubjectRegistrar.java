package dev.schemagate.operator.dataschema;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings one subject to the declared schema, or says why not. Compares by fingerprint, so
 * re-applying identical content (in any key order or spacing) never registers anything.
 */
final class SubjectRegistrar {
  private final SchemaRegistryClient registry;
  private final SchemaParser parser;
  private final CompatibilityGate gate;

  SubjectRegistrar(SchemaRegistryClient registry, SchemaParser parser, CompatibilityGate gate) {
    this.registry = registry;
    this.parser = parser;
    this.gate = gate;
  }

  Outcome reconcile(Candidate candidate, boolean firstReconcile) throws RegistryException {
    String subject = candidate.subject();
    Optional<RegisteredSchema> latest = registry.latest(subject);
    if (latest.isPresent() && sameContent(latest.get(), candidate)) {
      return new Outcome.InSync(latest.get(), firstReconcile);
    }
    if (latest.isPresent()) {
      Optional<RegisteredSchema> declared = registry.lookup(subject, candidate.submission());
      if (declared.isPresent() && declared.get().version() == latest.get().version()) {
        return new Outcome.InSync(latest.get(), firstReconcile);
      }
      if (declared.isPresent() && declared.get().version() < latest.get().version()) {
        return new Outcome.Drifted(declared.get(), latest.get());
      }
    }
    holdSubjectTo(subject, candidate.level());
    if (latest.isPresent()) {
      var breaking = gate.breakingChanges(candidate, latest.get());
      if (!breaking.isEmpty()) {
        return new Outcome.Refused(breaking, latest);
      }
    }
    return register(candidate, latest);
  }

  private Outcome register(Candidate candidate, Optional<RegisteredSchema> latest)
      throws RegistryException {
    String subject = candidate.subject();
    int id;
    try {
      id = registry.register(subject, candidate.submission(), false);
    } catch (RegistryException e) {
      if (e.reason() != RegistryException.Reason.INCOMPATIBLE) {
        throw e;
      }
      // The registry holds the subject to its own rules too (e.g. a transitive level).
      return new Outcome.Refused(RegistryMessages.toChanges(List.of(e.getMessage())), latest);
    }
    RegisteredSchema registered =
        registry
            .lookup(subject, candidate.submission())
            .or(() -> latestQuietly(subject))
            .orElseThrow(
                () ->
                    new RegistryException(
                        RegistryException.Reason.UNAVAILABLE,
                        0,
                        "registered id %d under '%s' but cannot read it back"
                            .formatted(id, subject)));
    return new Outcome.Registered(registered);
  }

  private Optional<RegisteredSchema> latestQuietly(String subject) {
    try {
      return registry.latest(subject);
    } catch (RegistryException e) {
      return Optional.empty();
    }
  }

  private void holdSubjectTo(String subject, CompatibilityLevel level) throws RegistryException {
    if (registry.compatibility(subject) != level) {
      registry.setCompatibility(subject, level);
    }
  }

  private boolean sameContent(RegisteredSchema registered, Candidate candidate) {
    if (registered.format() != candidate.parsed().format()) {
      return false;
    }
    if (registered.schema().equals(candidate.submission().schema())) {
      return registered.references().equals(candidate.submission().references());
    }
    try {
      ParsedSchema parsed = parser.parse(registered.format(), registered.schema(), Map.of());
      return parsed.fingerprint().equals(candidate.parsed().fingerprint())
          && registered.references().equals(candidate.submission().references());
    } catch (InvalidSchemaException | RuntimeException unparsable) {
      return false;
    }
  }
}
