package dev.schemagate.operator.contract;

import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DriftSummary;
import dev.schemagate.operator.events.EventRecorder;
import dev.schemagate.operator.promotion.notify.DriftNotice;
import dev.schemagate.operator.promotion.notify.Notifier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Tells people about data drift on a contract: a Warning event ({@code DataDrift}) and a notice
 * when the set of breached field/test pairs becomes non-empty or changes, a Normal event ({@code
 * DataDriftRecovered}) and a resolving notice when it becomes empty. The breaches already shown in
 * the status are the memory: the same breach seen again on a resync, or after an operator restart,
 * is not announced twice.
 */
final class DriftAnnouncer {
  private final EventRecorder events;
  private final Notifier notifier;

  DriftAnnouncer(EventRecorder events, Notifier notifier) {
    this.events = events;
    this.notifier = notifier;
  }

  void announce(DataContract resource, DriftSummary before, DriftSummary now) {
    if (now == null) {
      return;
    }
    Set<String> was = keys(before);
    Set<String> is = keys(now);
    if (was.equals(is)) {
      return;
    }
    String name = resource.getMetadata().getName();
    if (is.isEmpty()) {
      events.record(
          resource,
          EventRecorder.Type.Normal,
          Reason.DataDriftRecovered.name(),
          "no drift on %s any more (%d records, compared %s)"
              .formatted(now.source(), orZero(now.records()), now.at()));
      notifier.send(notice("recovered", resource, now, List.of()));
      return;
    }
    List<String> lines = lines(now);
    events.record(
        resource,
        EventRecorder.Type.Warning,
        Reason.DataDrift.name(),
        "data drift on %s after %d records (compared %s): %s"
            .formatted(now.source(), orZero(now.records()), now.at(), String.join("; ", lines)));
    notifier.send(notice("breached", resource, now, lines));
    // named in the log too, for operators who read logs rather than events
    org.slf4j.LoggerFactory.getLogger(DriftAnnouncer.class)
        .info(
            "data drift on DataContract {}/{}: {}",
            resource.getMetadata().getNamespace(),
            name,
            lines);
  }

  private static DriftNotice notice(
      String event, DataContract resource, DriftSummary now, List<String> lines) {
    String owner =
        Optional.ofNullable(resource.getSpec().getOwner())
            .map(o -> o.team())
            .orElse(resource.getMetadata().getNamespace());
    return new DriftNotice(
        event,
        resource.getMetadata().getNamespace(),
        resource.getMetadata().getName(),
        owner,
        now.source(),
        orZero(now.records()),
        now.at(),
        lines);
  }

  /**
   * {@code amount: psi 0.4100 > 0.2000}, one per breach (a p-value breaches below, so {@code <}).
   */
  static List<String> lines(DriftSummary summary) {
    return summary.breaches().stream()
        .map(
            b ->
                String.format(
                    Locale.ROOT,
                    "%s: %s %.4f %s %.4f",
                    b.field(),
                    b.test(),
                    b.value() == null ? 0 : b.value(),
                    "ks_p_value".equals(b.test()) ? "<" : ">",
                    b.threshold() == null ? 0 : b.threshold()))
        .toList();
  }

  private static Set<String> keys(DriftSummary summary) {
    if (summary == null || summary.breaches() == null) {
      return Set.of();
    }
    return summary.breaches().stream()
        .map(b -> b.field() + "/" + b.test())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
