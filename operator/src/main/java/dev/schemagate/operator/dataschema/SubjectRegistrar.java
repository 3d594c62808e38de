package dev.schemagate.operator.dataschema;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.Fingerprint;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaParser;
import dev.schemagate.crds.v1alpha1.BreakingChange;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegisteredVersion;
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
  private final FingerprintMemo fingerprints;
  private final CompatibilityGate gate;

  SubjectRegistrar(
      SchemaRegistryClient registry,
      SchemaParser parser,
      FingerprintMemo fingerprints,
      CompatibilityGate gate) {
    this.registry = registry;
    this.parser = parser;
    this.fingerprints = fingerprints;
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
    RegisteredVersion answer;
    try {
      answer = registry.registerVersion(subject, candidate.submission(), false);
    } catch (RegistryException e) {
      if (e.reason() != RegistryException.Reason.INCOMPATIBLE) {
        throw e;
      }
      // The registry holds the subject to its own rules too: ask it to list each change.
      return new Outcome.Refused(registryVerdict(candidate, e), latest);
    }
    if (answer.version() > 0) {
      // The answer names the version (Confluent 7.4+ and ours): no read-back needed.
      var submitted = candidate.submission();
      return new Outcome.Registered(
          new RegisteredSchema(
              subject,
              answer.version(),
              answer.id(),
              submitted.format(),
              submitted.schema(),
              submitted.references()));
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
                            .formatted(answer.id(), subject)));
    return new Outcome.Registered(registered);
  }

  private List<BreakingChange> registryVerdict(Candidate candidate, RegistryException refusal) {
    try {
      var report = registry.testCompatibility(candidate.subject(), candidate.submission());
      if (!report.compatible() && !report.messages().isEmpty()) {
        return RegistryMessages.toChanges(report.messages());
      }
    } catch (RegistryException unavailable) {
      // keep the refusal's own message
    }
    return List.of(new BreakingChange("/", null, refusal.getMessage(), null));
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
    if (registered.format() != candidate.submission().format()
        || !registered.references().equals(candidate.submission().references())) {
      return false;
    }
    if (registered.schema().equals(candidate.submission().schema())) {
      return true;
    }
    return fingerprintOf(registered).map(candidate.fingerprint()::equals).orElse(false);
  }

  private Optional<Fingerprint> fingerprintOf(RegisteredSchema registered) {
    var known = fingerprints.known(registered.format(), registered.schema(), Map.of());
    if (known.isPresent()) {
      return known;
    }
    try {
      ParsedSchema parsed = parser.parse(registered.format(), registered.schema(), Map.of());
      fingerprints.remember(
          registered.format(), registered.schema(), Map.of(), parsed.fingerprint());
      return Optional.of(parsed.fingerprint());
    } catch (InvalidSchemaException | RuntimeException unparsable) {
      return Optional.empty();
    }
  }
}
