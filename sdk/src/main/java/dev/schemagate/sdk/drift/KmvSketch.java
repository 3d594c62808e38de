package dev.schemagate.sdk.drift;

import java.util.List;
import java.util.TreeSet;

/**
 * A k-minimum-values estimate of how many distinct values a list holds: hash every value to (0, 1),
 * keep the k smallest; (k − 1) / k-th smallest estimates the count within about 1/√k (6 % for k =
 * 256) without keeping the values.
 */
final class KmvSketch {
  static final int K = 256;

  private KmvSketch() {}

  static long estimate(List<Object> values) {
    TreeSet<Long> smallest = new TreeSet<>();
    for (Object value : values) {
      long h = mix(value.hashCode() * 0x9E3779B97F4A7C15L + value.toString().length()) >>> 1;
      if (smallest.size() < K) {
        smallest.add(h);
      } else if (h < smallest.last() && smallest.add(h)) {
        smallest.pollLast();
      }
    }
    if (smallest.size() < K) {
      return smallest.size();
    }
    double kth = (double) smallest.last() / Long.MAX_VALUE;
    return Math.round((K - 1) / kth);
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
