package dev.schemagate.cli.check;

/** One record read from a file, as the rules see it. */
interface Row {
  /** Marks a field the record does not have (distinct from a null value). */
  Object MISSING = new Object();

  /**
   * The value at a field path: {@code null}, {@link #MISSING}, a String, Long, Double, Boolean, or
   * a container ({@code JsonNode}) for objects and arrays.
   */
  Object get(String path);

  /** The line the record starts on, counted from 1. */
  long line();

  /** One line for a report's samples. */
  String render();
}
