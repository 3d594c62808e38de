package dev.schemagate.cli.diff;

import dev.schemagate.cli.manifest.SchemaManifest;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.Schemas;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks against every version the registry holds for the subject (what the transitive levels need,
 * and what the registry itself will check on registration). A subject the registry does not know
 * yet falls back to the base.
 */
public final class RegistryHistory implements SchemaHistory {
  private final SchemaRegistryClient client;
  private final String url;

  public RegistryHistory(SchemaRegistryClient client, String url) {
    this.client = client;
    this.url = url;
  }

  /** The text of each schema a registered version references, from the same registry. */
  private java.util.Map<String, String> references(RegisteredSchema schema)
      throws RegistryException {
    java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
    for (var reference : schema.references()) {
      client
          .version(reference.subject(), reference.version())
          .ifPresent(r -> texts.put(reference.name(), r.schema()));
    }
    return texts;
  }

  @Override
  public Optional<Versions> versions(String subject, Optional<SchemaManifest> base) {
    try {
      List<Integer> versions = client.versions(subject);
      if (versions.isEmpty()) {
        return DiffEngine.baseOnly()
            .versions(subject, base)
            .map(v -> new Versions(v.schemas(), "base (not in the registry yet)"));
      }
      List<ParsedSchema> schemas = new ArrayList<>();
      for (int version : versions) {
        Optional<RegisteredSchema> registered = client.version(subject, version);
        if (registered.isPresent()) {
          schemas.add(
              Schemas.parser()
                  .parse(
                      registered.get().format(),
                      registered.get().schema(),
                      references(registered.get())));
        }
      }
      return Optional.of(
          new Versions(
              schemas,
              "registry: %d version%s of %s"
                  .formatted(schemas.size(), schemas.size() == 1 ? "" : "s", subject)));
    } catch (RegistryException e) {
      throw new DiffException(
          DiffException.Reason.REGISTRY_UNAVAILABLE,
          "registry at %s: %s".formatted(url, e.getMessage()));
    } catch (InvalidSchemaException e) {
      throw new DiffException(
          DiffException.Reason.REGISTRY_UNAVAILABLE,
          "registry at %s holds a version of %s that does not parse: %s"
              .formatted(url, subject, e.getMessage()));
    }
  }
}
