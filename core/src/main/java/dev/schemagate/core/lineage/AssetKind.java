package dev.schemagate.core.lineage;

import dev.schemagate.core.config.Enums;
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
    return Enums.parse(AssetKind.class, text);
  }
}
