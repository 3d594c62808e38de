package dev.schemagate.cli;

import dev.schemagate.cli.manifest.ManifestException;
import dev.schemagate.cli.manifest.ManifestReader;
import dev.schemagate.cli.manifest.ManifestReader.Located;
import dev.schemagate.cli.manifest.SchemaManifest;
import dev.schemagate.cli.manifest.YamlDocument;
import dev.schemagate.cli.manifest.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** DataSchema manifests on the file system, for {@code compat} and {@code fingerprint}. */
final class Manifests {
  private Manifests() {}

  /** The one DataSchema of {@code file}; its ConfigMap may be in a YAML file beside it. */
  static SchemaManifest single(Path file) {
    List<YamlDocument> documents = YamlDocuments.parse(file.toString(), SchemaFile.read(file));
    List<SchemaManifest> schemas =
        ManifestReader.schemas(
            file.toString(),
            documents,
            new ManifestReader.ConfigMapLookup() {
              @Override
              public Optional<Located> find(String namespace, String name) {
                return beside(file, namespace, name);
              }

              @Override
              public List<Located> dataSchemas() {
                return besideDataSchemas(file);
              }
            });
    if (schemas.size() != 1) {
      throw new ManifestException(
          ManifestException.Reason.NO_SCHEMA,
          schemas.isEmpty()
              ? file + ": holds no DataSchema (apiVersion schemagate.dev/..., kind DataSchema)"
              : "%s: holds %d DataSchemas (%s): give a file with one"
                  .formatted(
                      file,
                      schemas.size(),
                      String.join(", ", schemas.stream().map(SchemaManifest::subject).toList())));
    }
    return schemas.getFirst();
  }

  /** The DataSchemas of the other YAML files in the manifest's directory. */
  private static List<Located> besideDataSchemas(Path file) {
    List<Located> found = new java.util.ArrayList<>();
    for (Path sibling : siblings(file)) {
      try {
        for (YamlDocument d : YamlDocuments.parse(sibling.toString(), SchemaFile.read(sibling))) {
          if (d.kind().equals("DataSchema")) {
            found.add(new Located(sibling.toString(), d));
          }
        }
      } catch (ManifestException | CliException unreadable) {
        // a broken neighbour is not this file's problem
      }
    }
    return found;
  }

  private static List<Path> siblings(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    if (directory == null) {
      return List.of();
    }
    try (Stream<Path> siblings = Files.list(directory)) {
      return siblings
          .sorted()
          .filter(s -> !s.equals(file.toAbsolutePath()) && Files.isRegularFile(s))
          .filter(s -> ManifestReader.isManifestFile(s.toString()))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Looks for the ConfigMap in the other YAML files of the manifest's directory. */
  private static Optional<Located> beside(Path file, String namespace, String name) {
    Path directory = file.toAbsolutePath().getParent();
    if (directory == null) {
      return Optional.empty();
    }
    try (Stream<Path> siblings = Files.list(directory)) {
      for (Path sibling : siblings.sorted().toList()) {
        if (sibling.equals(file.toAbsolutePath())
            || !Files.isRegularFile(sibling)
            || !ManifestReader.isManifestFile(sibling.toString())) {
          continue;
        }
        List<YamlDocument> documents;
        try {
          documents = YamlDocuments.parse(sibling.toString(), SchemaFile.read(sibling));
        } catch (ManifestException | CliException unreadable) {
          continue; // a broken neighbour is not this file's problem unless it held the ConfigMap
        }
        Optional<YamlDocument> found = ManifestReader.configMap(documents, namespace, name);
        if (found.isPresent()) {
          return Optional.of(new Located(sibling.toString(), found.get()));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
