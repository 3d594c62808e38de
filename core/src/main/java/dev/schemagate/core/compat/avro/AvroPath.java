package dev.schemagate.core.compat.avro;

import java.util.Arrays;

/**
 * Where the structural diff is, as a stack of segments turned into text only when a change is
 * reported: the diff walks every field of every check and most fields have nothing to report, so
 * moving around must not allocate.
 */
final class AvroPath {
  private static final String[] INDEXES = new String[32];

  static {
    for (int i = 0; i < INDEXES.length; i++) {
      INDEXES[i] = Integer.toString(i);
    }
  }

  private String[] segments = new String[32];
  private int depth;

  void push(String segment) {
    if (depth == segments.length) {
      segments = Arrays.copyOf(segments, depth * 2);
    }
    segments[depth++] = segment;
  }

  void push(int index) {
    push(index < INDEXES.length ? INDEXES[index] : Integer.toString(index));
  }

  void pop() {
    segments[--depth] = null;
  }

  /** The current path, e.g. {@code /fields/amount/type}; {@code /} at the root. */
  String here() {
    return with(null);
  }

  /** The current path with one more segment, without moving. */
  String with(String last) {
    if (depth == 0 && last == null) {
      return "/";
    }
    StringBuilder out = new StringBuilder(16 * (depth + 1));
    for (int i = 0; i < depth; i++) {
      out.append('/').append(segments[i]);
    }
    if (last != null) {
      out.append('/').append(last);
    }
    return out.toString();
  }
}
