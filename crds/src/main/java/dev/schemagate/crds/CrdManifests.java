package dev.schemagate.crds;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The generated CRDs as shipped in this jar, for installers and tests that apply them. */
public final class CrdManifests {
  /** File names as the fabric8 generator writes them: {@code <plural>.<group>-v1.yml}. */
  public static final List<String> FILES =
      List.of(
          "dataschemas.schemagate.dev-v1.yml",
          "datacontracts.schemagate.dev-v1.yml",
          "promotions.schemagate.dev-v1.yml");

  private CrdManifests() {}

  public static List<CustomResourceDefinition> all() {
    return FILES.stream().map(CrdManifests::load).toList();
  }

  public static CustomResourceDefinition load(String file) {
    String resource = "/META-INF/schemagate/crds/" + file;
    try (InputStream in = CrdManifests.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the schemagate-crds jar");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
