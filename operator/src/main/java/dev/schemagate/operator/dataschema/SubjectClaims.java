package dev.schemagate.operator.dataschema;

import dev.schemagate.crds.v1alpha1.DataSchema;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who owns a subject when several DataSchemas claim it: the oldest (creation time, then
 * namespace/name), as Strimzi's topic operator decides. Unmanaged resources claim nothing.
 */
final class SubjectClaims {
  static final String INDEX = "schemagate.dev/subject";

  private static final Comparator<DataSchema> SENIORITY =
      Comparator.comparing(SubjectClaims::createdAt)
          .thenComparing(ds -> ds.getMetadata().getNamespace())
          .thenComparing(ds -> ds.getMetadata().getName());

  private SubjectClaims() {}

  static List<String> indexKeys(DataSchema resource) {
    return resource.getSpec() == null ? List.of() : List.of(resource.subject());
  }

  /** The claimant that owns the subject instead of {@code resource}, if there is one. */
  static Optional<DataSchema> olderClaimant(
      DataSchema resource, IndexedResourceCache<DataSchema> cache) {
    return cache.byIndex(INDEX, resource.subject()).stream()
        .filter(other -> !sameResource(other, resource))
        .filter(other -> !Annotations.isUnmanaged(other))
        .filter(other -> SENIORITY.compare(other, resource) < 0)
        .min(SENIORITY);
  }

  /** Every other resource that claims the same subject. */
  static List<DataSchema> otherClaimants(
      DataSchema resource, IndexedResourceCache<DataSchema> cache) {
    return cache.byIndex(INDEX, resource.subject()).stream()
        .filter(other -> !sameResource(other, resource))
        .toList();
  }

  static ReconcileException conflictWith(DataSchema resource, DataSchema owner) {
    return new ReconcileException(
        Reason.ResourceConflict,
        ("subject '%s' is already claimed by DataSchema %s/%s, which is older; set another"
                + " spec.subject here, or delete or unmanage one of the two")
            .formatted(
                resource.subject(),
                owner.getMetadata().getNamespace(),
                owner.getMetadata().getName()));
  }

  private static boolean sameResource(DataSchema a, DataSchema b) {
    return a.getMetadata().getName().equals(b.getMetadata().getName())
        && a.getMetadata().getNamespace().equals(b.getMetadata().getNamespace());
  }

  private static Instant createdAt(DataSchema resource) {
    String created = resource.getMetadata().getCreationTimestamp();
    return created == null ? Instant.MAX : Instant.parse(created);
  }
}
