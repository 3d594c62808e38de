package dev.schemagate.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository the suite applies as a user would: CRDs, manifests, samples. */
final class Repo {
  private Repo() {}

  static Path root() {
    Path root =
        Path.of(System.getProperty("schemagate.repo.root", "..")).toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("crds/generated"))) {
      throw new IllegalStateException("not the schemagate repository root: " + root);
    }
    return root;
  }

  static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
