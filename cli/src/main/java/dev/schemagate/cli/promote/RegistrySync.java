package dev.schemagate.cli.promote;

import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.ChangeType;
import dev.schemagate.core.compat.Compatibility;
import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.RegistryMode;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.client.lineage.ImpactReport;
import dev.schemagate.registry.client.lineage.LineageClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Promotes without a cluster: the checks the operator's PromotionReconciler makes, then the same
 * registration. The change set is the core engine's diff (FULL) against the target's latest
 * version; the existing fields it touches are graded in the lineage graph; a blocking grade needs
 * the owners of every CRITICAL asset and of the assets that decided the grade among {@code
 * approvals}. The content is then registered in the target, with the source's id when the target
 * subject is in IMPORT mode.
 */
public final class RegistrySync {
  private static final Set<ChangeType> HARMLESS =
      Set.of(ChangeType.FIELD_ADDED, ChangeType.DOC_CHANGED, ChangeType.ALIAS_ADDED);

  private final SchemaRegistryClient target;
  private final String to;
  private final Optional<LineageClient> lineage;
  private final String lineageNamespace;
  private final Set<String> approvals;

  public RegistrySync(
      SchemaRegistryClient target,
      String to,
      Optional<LineageClient> lineage,
      String lineageNamespace,
      Set<String> approvals) {
    this.target = target;
    this.to = to;
    this.lineage = lineage;
    this.lineageNamespace = lineageNamespace;
    this.approvals = Set.copyOf(approvals);
  }

  public Outcome promote(Candidate candidate) {
    RegisteredSchema source = candidate.source();
    String subject = candidate.subject();
    SchemaSubmission submission =
        new SchemaSubmission(source.format(), source.schema(), source.references());
    try {
      Optional<RegisteredSchema> present = target.lookup(subject, submission);
      if (present.isPresent()) {
        return new Outcome.AlreadyThere(subject, present.get().version(), present.get().id(), to);
      }
      Optional<ImpactReport> impact = assess(subject, source, target.latest(subject));
      if (impact.isPresent() && impact.get().blocking()) {
        List<String> missing =
            requiredApprovers(impact.get()).stream().filter(t -> !approvals.contains(t)).toList();
        if (!missing.isEmpty()) {
          return new Outcome.Blocked(
              subject, impact.get().severity(), impact.get().reason(), missing);
        }
      }
      boolean keepId = target.mode(subject) == RegistryMode.IMPORT;
      if (keepId) {
        target.registerWithId(subject, submission, source.id());
      } else {
        target.register(subject, submission, false);
      }
      RegisteredSchema registered =
          target
              .lookup(subject, submission)
              .orElseThrow(
                  () ->
                      new RegistryException(
                          RegistryException.Reason.NOT_FOUND,
                          40403,
                          "registered, but the target does not find the content again"));
      return new Outcome.Promoted(
          subject,
          registered.version(),
          registered.id(),
          to,
          keepId,
          impact.map(ImpactReport::severity).orElse("NONE"));
    } catch (RegistryException e) {
      if (e.reason() == RegistryException.Reason.UNAVAILABLE) {
        throw new PromoteException(
            PromoteException.Reason.REGISTRY_UNAVAILABLE,
            "%s's registry did not answer: %s".formatted(to, e.getMessage()));
      }
      return new Outcome.Refused(subject, to, e.getMessage());
    }
  }

  /** The lineage grade of the change against the target's latest, if anything existing changed. */
  private Optional<ImpactReport> assess(
      String subject, RegisteredSchema source, Optional<RegisteredSchema> latest)
      throws RegistryException {
    if (latest.isEmpty() || lineage.isEmpty()) {
      return Optional.empty();
    }
    List<String> fields;
    try {
      ParsedSchema current = Schemas.parse(latest.get().format(), latest.get().schema());
      ParsedSchema candidate = Schemas.parse(source.format(), source.schema());
      fields =
          changedFields(
              Compatibility.checker()
                  .check(CompatibilityLevel.FULL, List.of(current), candidate)
                  .changes());
    } catch (InvalidSchemaException e) {
      return Optional.empty(); // the target registry refuses what does not parse
    }
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    String dataset =
        subject.endsWith("-value") || subject.endsWith("-key")
            ? subject.substring(0, subject.lastIndexOf('-'))
            : subject;
    return Optional.of(
        lineage
            .get()
            .impact(fields.stream().map(f -> lineageNamespace + "." + dataset + "." + f).toList()));
  }

  private static List<String> changedFields(List<Change> changes) {
    Set<String> fields = new LinkedHashSet<>();
    for (Change change : changes) {
      if (HARMLESS.contains(change.type())) {
        continue;
      }
      String[] tokens = change.path().split("/");
      List<String> names = new ArrayList<>();
      for (int i = 0; i < tokens.length - 1; i++) {
        if (tokens[i].equals("fields") || tokens[i].equals("properties")) {
          names.add(tokens[++i]);
        }
      }
      if (!names.isEmpty()) {
        fields.add(String.join(".", names));
      }
    }
    return List.copyOf(fields);
  }

  private static List<String> requiredApprovers(ImpactReport report) {
    Set<String> owners = new LinkedHashSet<>();
    for (ImpactReport.Asset asset : report.assets()) {
      if (asset.criticality().equalsIgnoreCase("CRITICAL")
          || report.decisive().contains(asset.id())) {
        owners.add(asset.owner());
      }
    }
    return List.copyOf(owners);
  }
}
