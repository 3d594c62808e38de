package dev.schemagate.chaos.spec;

/** Numbers as people write them: no trailing {@code .0}. */
public final class Numbers {
  private Numbers() {}

  public static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(java.util.Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
  }
}
