package dev.schemagate.sdk.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@code size} values of one field, kept as a ring so the window slides by one record at a
 * time: numbers in a {@code double[]} ring, category counts updated as values enter and leave,
 * nulls counted. Values are numbers ({@link Double}), text ({@link String}) or null.
 */
final class FieldWindow {
  /** Beyond this many distinct values a field is treated as an identifier, not a category. */
  static final int MAX_CATEGORIES = 1000;

  private final int size;
  private final Object[] ring;
  private int next;
  private int filled;
  private int nulls;
  private int numbers;
  private final Map<String, Integer> categories = new HashMap<>();

  FieldWindow(int size) {
    this.size = size;
    this.ring = new Object[size];
  }

  void add(Object value) {
    if (filled == size) {
      remove(ring[next]);
    } else {
      filled++;
    }
    ring[next] = value;
    next = (next + 1) % size;
    if (value == null) {
      nulls++;
    } else if (value instanceof Double) {
      numbers++;
    } else if (categories.size() < MAX_CATEGORIES || categories.containsKey(value)) {
      categories.merge((String) value, 1, Integer::sum);
    }
  }

  private void remove(Object value) {
    if (value == null) {
      nulls--;
    } else if (value instanceof Double) {
      numbers--;
    } else {
      categories.computeIfPresent((String) value, (k, n) -> n == 1 ? null : n - 1);
    }
  }

  int filled() {
    return filled;
  }

  double nullRate() {
    return filled == 0 ? 0 : (double) nulls / filled;
  }

  /** Whether most non-null values are numbers. */
  boolean numeric() {
    return numbers > 0 && numbers * 2 >= filled - nulls;
  }

  double[] numbers() {
    double[] out = new double[numbers];
    int i = 0;
    for (int k = 0; k < filled; k++) {
      if (ring[k] instanceof Double d) {
        out[i++] = d;
      }
    }
    Arrays.sort(out);
    return out;
  }

  Map<String, Integer> categories() {
    return categories;
  }

  /** Distinct non-null values: exact up to {@link #MAX_CATEGORIES}, else a KMV estimate. */
  long distinct() {
    if (!numeric() && categories.size() < MAX_CATEGORIES) {
      return categories.size();
    }
    return KmvSketch.estimate(values());
  }

  private List<Object> values() {
    List<Object> out = new ArrayList<>(filled);
    for (int k = 0; k < filled; k++) {
      if (ring[k] != null) {
        out.add(ring[k]);
      }
    }
    return out;
  }
}
