package dev.schemagate.webhooks.admission;

import dev.schemagate.core.review.Decision;

/** Reviews admission requests for one kind of resource. */
public interface AdmissionReviewer {
  /** The kind this reviewer judges, e.g. {@code DataSchema}. */
  String kind();

  /**
   * The decision; dry-run requests get exactly the same one (reviewers never write anything).
   *
   * @throws WebhookException when a dependency could not be asked in time
   */
  Decision review(Admission admission) throws WebhookException;
}
