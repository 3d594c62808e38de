package dev.schemagate.core.format;

import dev.schemagate.core.schema.SchemaFormat;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of format providers: each {@link SchemaFormat} maps to exactly one provider,
 * registered here once. Parsing ({@code Schemas}), compatibility ({@code Compatibility}) and field
 * listing ({@code SchemaFields}) all look their format up here instead of switching on it.
 */
public final class Formats {
  private static final Map<SchemaFormat, FormatProvider> PROVIDERS =
      register(new AvroFormat(), new JsonFormat());

  private Formats() {}

  /** The provider of {@code format}; every format has one (checked when this class loads). */
  public static FormatProvider of(SchemaFormat format) {
    return PROVIDERS.get(format);
  }

  /** Every provider, by format. */
  public static Map<SchemaFormat, FormatProvider> all() {
    return PROVIDERS;
  }

  private static Map<SchemaFormat, FormatProvider> register(FormatProvider... providers) {
    Map<SchemaFormat, FormatProvider> byFormat = new EnumMap<>(SchemaFormat.class);
    for (FormatProvider provider : providers) {
      if (byFormat.put(provider.format(), provider) != null) {
        throw new IllegalStateException("two providers for " + provider.format());
      }
    }
    List<SchemaFormat> missing =
        Arrays.stream(SchemaFormat.values()).filter(f -> !byFormat.containsKey(f)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("no format provider for " + missing);
    }
    return Collections.unmodifiableMap(byFormat);
  }
}
