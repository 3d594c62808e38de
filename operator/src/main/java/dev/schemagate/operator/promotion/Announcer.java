package dev.schemagate.operator.promotion;

import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionPhase;
import dev.schemagate.crds.v1alpha1.PromotionStatus;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.promotion.notify.Notifier;
import dev.schemagate.operator.promotion.notify.PromotionNotice;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells people: a Kubernetes event on every change of phase or reason, and a notice (Slack,
 * PagerDuty) when a promotion becomes blocked, is approved, or fails.
 */
final class Announcer {
  private final EventRecorder events;
  private final Notifier notifier;

  Announcer(EventRecorder events, Notifier notifier) {
    this.events = events;
    this.notifier = notifier;
  }

  void announce(Promotion resource, PromotionStatus old, Outcome outcome) {
    PromotionPhase before = old == null ? null : old.getPhase();
    String oldReason =
        old == null ? null : old.condition(StatusWriter.READY).map(c -> c.reason()).orElse(null);
    if (before == outcome.phase() && outcome.reason().name().equals(oldReason)) {
      return;
    }
    events.record(
        resource,
        outcome.phase() == PromotionPhase.Failed || outcome.phase() == PromotionPhase.Blocked
            ? EventRecorder.Type.Warning
            : EventRecorder.Type.Normal,
        outcome.reason().name(),
        outcome.phase() + ": " + outcome.message());
    switch (outcome) {
      case Outcome.Blocked blocked when before != PromotionPhase.Blocked ->
          notifier.send(notice("blocked", resource, outcome, blocked.missing()));
      case Outcome.Approved approved ->
          notifier.send(notice("approved", resource, outcome, List.of()));
      case Outcome.Failed failed when before != PromotionPhase.Failed ->
          notifier.send(notice("failed", resource, outcome, List.of()));
      default -> {
        // phases that nobody needs paging about
      }
    }
  }

  private static PromotionNotice notice(
      String event, Promotion resource, Outcome outcome, List<String> missing) {
    var spec = resource.getSpec();
    List<PromotionNotice.Asset> assets = new ArrayList<>();
    outcome
        .assessment()
        .ifPresent(
            a ->
                a.impact()
                    .affectedAssets()
                    .forEach(
                        asset ->
                            assets.add(
                                new PromotionNotice.Asset(
                                    asset.name(),
                                    asset.kind(),
                                    asset.owner(),
                                    asset.criticality().name(),
                                    asset.paths().isEmpty() ? "" : asset.paths().getFirst()))));
    return new PromotionNotice(
        event,
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(),
        spec.getSchemaRef(),
        spec.getVersion(),
        spec.getFrom(),
        spec.getTo(),
        outcome.assessment().map(a -> a.impact().severity().name()).orElse("NONE"),
        outcome.reason().name(),
        assets,
        missing,
        outcome.message());
  }
}
