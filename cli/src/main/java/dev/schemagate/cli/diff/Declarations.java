package dev.schemagate.cli.diff;

import dev.schemagate.cli.manifest.ContractManifest;
import dev.schemagate.cli.manifest.ManifestException;
import dev.schemagate.cli.manifest.ManifestReader;
import dev.schemagate.cli.manifest.ManifestReader.Located;
import dev.schemagate.cli.manifest.SchemaManifest;
import dev.schemagate.cli.manifest.YamlDocument;
import dev.schemagate.cli.manifest.YamlDocuments;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one side of the diff declares in the files that changed: schemas by {@code file#subject} (a
 * subject may be declared in several files, e.g. one per version), contracts by {@code
 * namespace/name}. A ConfigMap that changed on its own brings in the DataSchemas beside it that
 * read it.
 */
public record Declarations(
    Map<String, SchemaManifest> schemas, Map<String, ContractManifest> contracts) {

  static Declarations read(GitTree tree, RepoConfig config, Collection<String> paths) {
    Reader reader = new Reader(tree);
    Map<String, SchemaManifest> schemas = new LinkedHashMap<>();
    Map<String, ContractManifest> contracts = new LinkedHashMap<>();
    for (String path : paths) {
      if (path.equals(RepoConfig.FILE)) {
        continue;
      }
      if (ManifestReader.isManifestFile(path)) {
        Optional<List<YamlDocument>> documents = reader.documents(path, true);
        if (documents.isEmpty()) {
          continue;
        }
        for (SchemaManifest schema : reader.schemas(path, documents.get())) {
          schemas.putIfAbsent(key(schema), schema);
        }
        for (ContractManifest contract : ManifestReader.contracts(path, documents.get())) {
          contracts.putIfAbsent(contract.id(), contract);
        }
        reader
            .readersOfConfigMaps(path, documents.get())
            .forEach(s -> schemas.putIfAbsent(key(s), s));
      } else {
        config
            .target(path)
            .ifPresent(
                target ->
                    tree.text(path)
                        .ifPresent(
                            text ->
                                schemas.putIfAbsent(
                                    path + "#" + target.subject(),
                                    new SchemaManifest(
                                        path,
                                        1,
                                        target.subject(),
                                        target.format(),
                                        target.level(),
                                        text,
                                        path,
                                        1,
                                        Optional.empty(),
                                        Optional.empty(),
                                        java.util.Map.of()))));
      }
    }
    return new Declarations(schemas, contracts);
  }

  static String key(SchemaManifest schema) {
    return schema.file() + "#" + schema.subject();
  }

  /** Parses files of one tree once each; errors name the ref, the file and the line. */
  private static final class Reader {
    private final GitTree tree;
    private final Map<String, Optional<List<YamlDocument>>> parsed = new HashMap<>();

    Reader(GitTree tree) {
      this.tree = tree;
    }

    /**
     * The documents of {@code path}; a malformed neighbour is skipped when {@code strict} is off.
     */
    Optional<List<YamlDocument>> documents(String path, boolean strict) {
      if (!strict && !parsed.containsKey(path)) {
        try {
          return documents(path, true);
        } catch (ManifestException malformed) {
          parsed.put(path, Optional.empty());
          return Optional.empty();
        }
      }
      Optional<List<YamlDocument>> cached = parsed.get(path);
      if (cached != null) {
        return cached;
      }
      Optional<String> text = tree.text(path);
      Optional<List<YamlDocument>> documents;
      try {
        documents = text.map(t -> YamlDocuments.parse(path, t));
      } catch (ManifestException e) {
        if (!ours(text.orElse(""))) {
          // a Helm template or other YAML-ish file that is none of schemagate's business
          documents = Optional.empty();
          parsed.put(path, documents);
          return documents;
        }
        throw new ManifestException(e.reason(), "in " + tree.label() + ": " + e.getMessage());
      }
      parsed.put(path, documents);
      return documents;
    }

    /** Whether a file that does not parse was meant to be a schemagate manifest. */
    private static boolean ours(String text) {
      return text.contains("schemagate.dev/")
          || text.contains("kind: DataSchema")
          || text.contains("kind: DataContract");
    }

    List<SchemaManifest> schemas(String path, List<YamlDocument> documents) {
      try {
        return ManifestReader.schemas(
            path,
            documents,
            new ManifestReader.ConfigMapLookup() {
              @Override
              public Optional<Located> find(String namespace, String name) {
                return beside(path, namespace, name);
              }

              @Override
              public List<Located> dataSchemas() {
                return siblings(path).stream()
                    .flatMap(
                        sibling ->
                            documents(sibling, false).stream()
                                .flatMap(List::stream)
                                .filter(d -> d.kind().equals("DataSchema"))
                                .map(d -> new Located(sibling, d)))
                    .toList();
              }
            });
      } catch (ManifestException e) {
        throw new ManifestException(e.reason(), "in " + tree.label() + ": " + e.getMessage());
      }
    }

    /** DataSchemas in the files beside {@code path} that read a ConfigMap declared in it. */
    List<SchemaManifest> readersOfConfigMaps(String path, List<YamlDocument> documents) {
      if (!ManifestReader.hasConfigMaps(documents)) {
        return List.of();
      }
      Set<String> names =
          documents.stream()
              .filter(d -> d.kind().equals("ConfigMap"))
              .map(d -> d.namespace() + "/" + d.name())
              .collect(Collectors.toSet());
      return siblings(path).stream()
          .flatMap(
              sibling ->
                  documents(sibling, false).stream()
                      .flatMap(
                          docs ->
                              docs.stream()
                                  .filter(d -> d.kind().equals("DataSchema"))
                                  .filter(d -> names.contains(d.namespace() + "/" + configMapOf(d)))
                                  .findAny()
                                  .map(any -> schemas(sibling, docs))
                                  .stream()
                                  .flatMap(List::stream)))
          .filter(s -> s.configMap().isPresent())
          .toList();
    }

    private static String configMapOf(YamlDocument dataSchema) {
      return dataSchema
          .root()
          .path("spec")
          .path("schemaFrom")
          .path("configMapKeyRef")
          .path("name")
          .asText("");
    }

    private Optional<Located> beside(String path, String namespace, String name) {
      for (String sibling : siblings(path)) {
        Optional<YamlDocument> found =
            documents(sibling, false)
                .flatMap(docs -> ManifestReader.configMap(docs, namespace, name));
        if (found.isPresent()) {
          return Optional.of(new Located(sibling, found.get()));
        }
      }
      return Optional.empty();
    }

    private List<String> siblings(String path) {
      int slash = path.lastIndexOf('/');
      String directory = slash < 0 ? "" : path.substring(0, slash);
      return tree.filesIn(directory).stream()
          .filter(ManifestReader::isManifestFile)
          .filter(p -> !p.equals(path) && !p.equals(RepoConfig.FILE))
          .toList();
    }
  }
}
