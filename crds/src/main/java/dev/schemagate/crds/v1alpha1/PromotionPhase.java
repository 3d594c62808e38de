package dev.schemagate.crds.v1alpha1;

/** Where a promotion is in its life. */
public enum PromotionPhase {
  Pending,
  Assessing,
  Blocked,
  Approved,
  Promoted,
  Failed
}
