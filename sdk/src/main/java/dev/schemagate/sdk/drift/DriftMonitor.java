package dev.schemagate.sdk.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;

/**
 * Watches the fields of a stream of records (JSON objects or Avro records; nested ones flattened to
 * dotted paths by {@link RecordFields}) for data drift while the schema stays the same. The first
 * {@code window} records are the baseline; after that a window of the last {@code window} records
 * slides one record at a time and, every {@code step} records, each field is compared with its
 * baseline: null rate, population stability index (numeric fields over the baseline's deciles, text
 * fields over their categories), for numeric fields the Kolmogorov–Smirnov statistic, for text
 * fields the share of values the baseline never saw. A threshold crossed (the field's own from the
 * {@link DriftPolicy}, else its defaults) is a {@link FieldDrift.Breach}: counted in {@code
 * schemagate_drift_breaches_total{field, test}} and handed to the listener.
 *
 * <p>Not thread-safe: one monitor per consuming thread.
 */
public final class DriftMonitor {
  /** More fields than this are ignored: a record that wide is not a contract's record. */
  static final int MAX_FIELDS = 256;

  private final int window;
  private final int step;
  private final DriftPolicy policy;
  private final MeterRegistry metrics;
  private final Consumer<List<FieldDrift>> onBreach;
  private final Consumer<List<FieldDrift>> onEvaluation;
  private final Map<String, FieldWindow> current = new LinkedHashMap<>();
  private final Map<String, Baseline> baseline = new LinkedHashMap<>();
  private final Map<String, AtomicLong> psiGauges = new ConcurrentHashMap<>();
  private long records;
  private List<FieldDrift> last = List.of();

  private record Baseline(
      double nullRate, boolean numeric, double[] numbers, Map<String, Integer> categories) {}

  /**
   * @param onBreach called with every field's drift when at least one field breached
   */
  public DriftMonitor(
      int window,
      int step,
      DriftThresholds thresholds,
      MeterRegistry metrics,
      Consumer<List<FieldDrift>> onBreach) {
    this(new DriftPolicy(window, step, thresholds, Map.of()), metrics, onBreach, d -> {});
  }

  /**
   * @param onBreach called with every field's drift when at least one field breached
   * @param onEvaluation called with every field's drift after every comparison, breach or not (to
   *     notice a recovery)
   */
  public DriftMonitor(
      DriftPolicy policy,
      MeterRegistry metrics,
      Consumer<List<FieldDrift>> onBreach,
      Consumer<List<FieldDrift>> onEvaluation) {
    this.window = policy.window();
    this.step = policy.step();
    this.policy = policy;
    this.metrics = metrics;
    this.onBreach = onBreach;
    this.onEvaluation = onEvaluation;
  }

  /** One record: a JSON object (other JSON values are ignored). */
  public void accept(JsonNode record) {
    if (!record.isObject()) {
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    RecordFields.json(record, "", 0, values);
    accept(values);
  }

  /** One Avro record. */
  public void accept(GenericRecord record) {
    Map<String, Object> values = new LinkedHashMap<>();
    RecordFields.avro(record, "", 0, values);
    accept(values);
  }

  private void accept(Map<String, Object> values) {
    records++;
    for (Map.Entry<String, Object> e : values.entrySet()) {
      FieldWindow w = current.get(e.getKey());
      if (w == null && current.size() < MAX_FIELDS) {
        w = new FieldWindow(window);
        current.put(e.getKey(), w);
      }
      if (w != null) {
        w.add(e.getValue());
      }
    }
    // a field a record lacks counts as null in its window
    if (values.size() < current.size()) {
      for (Map.Entry<String, FieldWindow> e : current.entrySet()) {
        if (!values.containsKey(e.getKey())) {
          e.getValue().add(null);
        }
      }
    }
    if (records == window) {
      freezeBaseline();
    } else if (records >= 2L * window && (records - window) % step == 0) {
      evaluate();
    }
  }

  private void freezeBaseline() {
    for (Map.Entry<String, FieldWindow> e : current.entrySet()) {
      FieldWindow w = e.getValue();
      baseline.put(
          e.getKey(),
          new Baseline(w.nullRate(), w.numeric(), w.numbers(), Map.copyOf(w.categories())));
    }
  }

  /** Compares every field's current window with its baseline now. */
  public List<FieldDrift> evaluate() {
    List<FieldDrift> drifts = new ArrayList<>();
    boolean breached = false;
    for (Map.Entry<String, FieldWindow> e : current.entrySet()) {
      Baseline base = baseline.get(e.getKey());
      if (base == null) {
        continue; // a field that appeared after the baseline: nothing to compare with
      }
      FieldDrift drift = compare(e.getKey(), base, e.getValue());
      breached |= !drift.breaches().isEmpty();
      drifts.add(drift);
    }
    last = List.copyOf(drifts);
    if (breached) {
      onBreach.accept(last);
    }
    onEvaluation.accept(last);
    return last;
  }

  private FieldDrift compare(String field, Baseline base, FieldWindow w) {
    DriftThresholds thresholds = policy.thresholds(field);
    List<FieldDrift.Breach> breaches = new ArrayList<>();
    double nullDelta = Math.abs(w.nullRate() - base.nullRate());
    if (nullDelta > thresholds.nullRate()) {
      breaches.add(new FieldDrift.Breach("null_rate", nullDelta, thresholds.nullRate()));
    }
    double psi;
    Optional<Double> ks = Optional.empty();
    Optional<double[]> quantiles = Optional.empty();
    if (base.numeric() && w.numeric()) {
      double[] numbers = w.numbers();
      psi = Distributions.psi(base.numbers(), numbers);
      double d = Distributions.ks(base.numbers(), numbers);
      ks = Optional.of(d);
      if (d > thresholds.ks()) {
        breaches.add(new FieldDrift.Breach("ks", d, thresholds.ks()));
      }
      if (thresholds.ksPValue() > 0) {
        double p = Distributions.ksPValue(d, base.numbers().length, numbers.length);
        if (p < thresholds.ksPValue()) {
          breaches.add(new FieldDrift.Breach("ks_p_value", p, thresholds.ksPValue()));
        }
      }
      if (numbers.length > 0) {
        quantiles =
            Optional.of(
                new double[] {numbers[numbers.length / 2], numbers[(int) (numbers.length * 0.95)]});
      }
    } else if (base.categories().size() * 2 > window
        || base.categories().size() >= FieldWindow.MAX_CATEGORIES) {
      psi = 0; // an identifier (mostly distinct values): no distribution to compare
    } else {
      psi = Distributions.psi(base.categories(), w.categories());
      double unseen = newCategoryShare(base.categories(), w);
      if (unseen > thresholds.newCategoryShare()) {
        breaches.add(new FieldDrift.Breach("new_category", unseen, thresholds.newCategoryShare()));
      }
    }
    if (psi > thresholds.psi()) {
      breaches.add(new FieldDrift.Breach("psi", psi, thresholds.psi()));
    }
    psiGauges
        .computeIfAbsent(
            field,
            f -> {
              AtomicLong bits = new AtomicLong();
              metrics.gauge(
                  "schemagate_drift_psi",
                  io.micrometer.core.instrument.Tags.of("field", f),
                  bits,
                  b -> Double.longBitsToDouble(b.get()));
              return bits;
            })
        .set(Double.doubleToLongBits(psi));
    for (FieldDrift.Breach breach : breaches) {
      metrics
          .counter("schemagate_drift_breaches_total", "field", field, "test", breach.test())
          .increment();
    }
    List<String> top =
        w.categories().entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
            .limit(3)
            .map(
                c ->
                    c.getKey()
                        + "="
                        + Math.round(100.0 * c.getValue() / Math.max(1, w.filled()))
                        + "%")
            .toList();
    return new FieldDrift(
        field, base.nullRate(), w.nullRate(), w.distinct(), quantiles, psi, ks, top, breaches);
  }

  /** The share of the window's text values that the baseline never saw. */
  private static double newCategoryShare(Map<String, Integer> baseline, FieldWindow w) {
    long unseen = 0;
    long seen = 0;
    for (Map.Entry<String, Integer> c : w.categories().entrySet()) {
      if (baseline.containsKey(c.getKey())) {
        seen += c.getValue();
      } else {
        unseen += c.getValue();
      }
    }
    return unseen + seen == 0 ? 0 : (double) unseen / (unseen + seen);
  }

  public long records() {
    return records;
  }

  /** The latest comparison (empty until two windows have been seen). */
  public List<FieldDrift> lastDrift() {
    return last;
  }
}
