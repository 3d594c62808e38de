package dev.schemagate.sdk.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a drift monitor compares and when it calls a change a breach: the window size (the first
 * window is the baseline, so this is also the baseline's size), how often to compare, the default
 * thresholds and per-field overrides. Read from a DataContract's {@code spec.drift}:
 *
 * <pre>{@code
 * drift:
 *   window: 10000          # records per window; the first window is the baseline
 *   step: 1000             # compare every 1000 records
 *   psi: 0.2               # default thresholds for every field
 *   ks: 0.2
 *   nullRate: 0.1
 *   newCategoryShare: 0.05
 *   ksPValue: 0.001        # optional: also a KS p-value below this (off when unset)
 *   fields:                # per-field overrides; unset thresholds take the defaults
 *     - field: customer.country
 *       psi: 0.1
 * }</pre>
 */
public record DriftPolicy(
    int window, int step, DriftThresholds defaults, Map<String, DriftThresholds> fields) {
  public static final int DEFAULT_WINDOW = 10_000;
  public static final int DEFAULT_STEP = 1_000;
  public static final DriftPolicy DEFAULTS =
      new DriftPolicy(DEFAULT_WINDOW, DEFAULT_STEP, DriftThresholds.DEFAULTS, Map.of());

  public DriftPolicy {
    if (window < 10 || step < 1 || step > window) {
      throw new IllegalArgumentException(
          "window must be at least 10 records and step between 1 and the window; got window="
              + window
              + " step="
              + step);
    }
    fields = Map.copyOf(fields);
  }

  /** The thresholds for one field (dotted path for nested fields). */
  public DriftThresholds thresholds(String field) {
    return fields.getOrDefault(field, defaults);
  }

  /**
   * Reads {@code spec.drift}; a missing node gives the defaults. Every bad value is an {@link
   * IllegalArgumentException} naming its path, e.g. {@code spec.drift.fields[1].psi must be a
   * number greater than 0, not -1}.
   */
  public static DriftPolicy fromSpec(Optional<JsonNode> drift) {
    if (drift.isEmpty() || drift.get().isNull() || drift.get().isMissingNode()) {
      return DEFAULTS;
    }
    JsonNode node = drift.get();
    if (!node.isObject()) {
      throw new IllegalArgumentException("spec.drift must be an object");
    }
    int window = count(node, "window", DEFAULT_WINDOW);
    int step = count(node, "step", Math.min(DEFAULT_STEP, window));
    DriftThresholds defaults = thresholds(node, "spec.drift", DriftThresholds.DEFAULTS);
    Map<String, DriftThresholds> fields = new LinkedHashMap<>();
    JsonNode list = node.path("fields");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new IllegalArgumentException("spec.drift.fields must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "spec.drift.fields[" + i + "]";
      JsonNode entry = list.get(i);
      String field = entry.path("field").asText("");
      if (!entry.path("field").isTextual() || field.isBlank()) {
        throw new IllegalArgumentException(path + ".field is required: name the field");
      }
      if (fields.containsKey(field)) {
        throw new IllegalArgumentException(path + ".field '" + field + "' is listed twice");
      }
      fields.put(field, thresholds(entry, path, defaults));
    }
    try {
      return new DriftPolicy(window, step, defaults, fields);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("spec.drift: " + e.getMessage());
    }
  }

  /** The same thresholds with another window and step. */
  public DriftPolicy withWindow(int window, int step) {
    return new DriftPolicy(window, step, defaults, fields);
  }

  private static DriftThresholds thresholds(JsonNode node, String path, DriftThresholds base) {
    return new DriftThresholds(
        share(node, path, "psi", base.psi(), false),
        share(node, path, "ks", base.ks(), true),
        share(node, path, "nullRate", base.nullRate(), true),
        share(node, path, "newCategoryShare", base.newCategoryShare(), true),
        pValue(node, path, base.ksPValue()));
  }

  private static double share(
      JsonNode node, String path, String key, double fallback, boolean atMostOne) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    double d;
    try {
      d = v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!(d > 0) || (atMostOne && d > 1)) {
      throw new IllegalArgumentException(
          "%s.%s must be a number greater than 0%s, not %s"
              .formatted(path, key, atMostOne ? " and at most 1" : "", v.asText()));
    }
    return d;
  }

  private static double pValue(JsonNode node, String path, double fallback) {
    JsonNode v = node.get("ksPValue");
    if (v == null || v.isNull()) {
      return fallback;
    }
    double d = v.isNumber() ? v.asDouble() : Double.NaN;
    if (!(d > 0 && d < 1)) {
      throw new IllegalArgumentException(
          path + ".ksPValue must be a number greater than 0 and less than 1, not " + v.asText());
    }
    return d;
  }

  private static int count(JsonNode node, String key, int fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.asInt();
    }
    if (v.isTextual() && v.asText().matches("[0-9]{1,9}")) {
      return Integer.parseInt(v.asText());
    }
    throw new IllegalArgumentException(
        "spec.drift." + key + " must be a whole number of records, not " + v.asText());
  }
}
