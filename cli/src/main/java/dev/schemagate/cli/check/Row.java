package dev.schemagate.cli.check;

/** One record read from a file, as the rules see it. */
interface Row {
  /** Marks a field the record does not have (distinct from a null value). */
  Object MISSING = new Object();

  /**
   * The value of the {@code slot}-th top-level field of {@link CheckPlan#fields()}: {@code null},
   * {@link #MISSING}, a String, Long, Double, Boolean, (Parquet) a BigDecimal, Instant or
   * LocalDate, or a container ({@code JsonNode}) for objects and arrays.
   */
  Object get(int slot);

  /** Where the record starts: its line (text files) or record number, counted from 1. */
  long line();

  /** What {@link #line()} counts: {@code line} or {@code record}. */
  default String unit() {
    return "line";
  }

  /** The fields the rules read, as one JSON object, for a report's samples. */
  String render();
}
