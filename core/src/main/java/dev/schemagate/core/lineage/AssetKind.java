package dev.schemagate.core.lineage;

import java.util.Locale;
import java.util.Optional;

/** What kind of thing consumes columns. The lower-case names match DataContract consumer kinds. */
public enum AssetKind {
  DBT_MODEL,
  DASHBOARD,
  SERVICE,
  ML_MODEL;

  /** The name used in resources and ids, e.g. {@code dbt_model}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AssetKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
