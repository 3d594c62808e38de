package dev.schemagate.core.schema;

import com.networknt.schema.SchemaId;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.util.Optional;

/** The JSON Schema drafts schemagate accepts, recognised by {@code $schema}. */
public enum JsonSchemaDraft {
  DRAFT_7(VersionFlag.V7, SchemaId.V7),
  DRAFT_2019_09(VersionFlag.V201909, SchemaId.V201909),
  DRAFT_2020_12(VersionFlag.V202012, SchemaId.V202012);

  /** Confluent's default when a document has no {@code $schema}. */
  public static final JsonSchemaDraft DEFAULT = DRAFT_7;

  private final VersionFlag versionFlag;
  private final String metaSchemaId;

  JsonSchemaDraft(VersionFlag versionFlag, String metaSchemaId) {
    this.versionFlag = versionFlag;
    this.metaSchemaId = metaSchemaId;
  }

  VersionFlag versionFlag() {
    return versionFlag;
  }

  String metaSchemaId() {
    return metaSchemaId;
  }

  /** Matches a {@code $schema} value, tolerating http/https and a trailing {@code #}. */
  public static Optional<JsonSchemaDraft> fromSchemaKeyword(String value) {
    String normalized = strip(value);
    for (JsonSchemaDraft draft : values()) {
      if (strip(draft.metaSchemaId).equals(normalized)) {
        return Optional.of(draft);
      }
    }
    return Optional.empty();
  }

  private static String strip(String uri) {
    String s = uri.trim().replaceFirst("^https?://", "");
    return s.endsWith("#") ? s.substring(0, s.length() - 1) : s;
  }
}
