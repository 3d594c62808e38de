package dev.schemagate.core.lineage;

import java.util.Objects;

/**
 * A column (field) of a dataset. Its id is the fully qualified name {@code
 * namespace.dataset.column}, e.g. {@code kafka.orders.amount} or {@code
 * postgres://db:5432.public.orders.amount}; ids are compared as whole strings, never split.
 */
public record ColumnNode(String namespace, String dataset, String column) implements LineageNode {
  public ColumnNode {
    requireText(namespace, "namespace");
    requireText(dataset, "dataset");
    requireText(column, "column");
  }

  public static String fqn(String namespace, String dataset, String column) {
    return namespace + "." + dataset + "." + column;
  }

  @Override
  public String id() {
    return fqn(namespace, dataset, column);
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException("a column node needs a non-blank " + what);
    }
  }
}
