package dev.schemagate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code helm} binary that {@code helm-binary/build.sh} built from Go modules (its version is
 * read from that module's go.mod, the one place it is pinned), run as a user would run it.
 */
final class Helm {
  static final Path CHART = Path.of("helm", "schemagate");

  private final Path binary;
  private final Optional<Path> kubeconfig;

  private Helm(Path binary, Optional<Path> kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** For commands that need no cluster: lint, template. */
  static Helm offline() {
    return new Helm(binary(), Optional.empty());
  }

  static Helm against(Path kubeconfig) {
    return new Helm(binary(), Optional.of(kubeconfig));
  }

  static Path chart() {
    return Repo.root().resolve(CHART);
  }

  /** The Kubernetes release the suite's API server runs: what {@code helm template} renders for. */
  static String kubeVersion() {
    String dir = RealApiServer.kubectlBinary().getParent().getFileName().toString();
    return dir.substring(0, dir.indexOf('-'));
  }

  static Path binary() {
    String version = pinnedVersion();
    Path dir =
        Path.of(
            System.getProperty(
                "helm.binary.dir", System.getProperty("user.home") + "/.cache/schemagate/helm"));
    Path helm = dir.resolve(version).resolve("helm");
    if (!Files.isExecutable(helm)) {
      throw new IllegalStateException(
          helm + " is missing: run e2e/helm-binary/build.sh first (it needs a Go toolchain)");
    }
    return helm;
  }

  private static String pinnedVersion() {
    Matcher m =
        Pattern.compile("(?m)^\\s*helm\\.sh/helm/v3 (v\\S+)")
            .matcher(Repo.read("e2e/helm-binary/go/go.mod"));
    if (!m.find()) {
      throw new IllegalStateException("e2e/helm-binary/go/go.mod pins no helm.sh/helm/v3 version");
    }
    return m.group(1);
  }

  Kubectl.Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(args));
    try {
      Path home = Files.createTempDirectory("schemagate-helm-home-");
      Path out = Files.createTempFile("helm", ".out");
      Path err = Files.createTempFile("helm", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      // A private Helm home: nothing read from or written to the user's own configuration.
      builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
      builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
      builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
      builder.environment().remove("KUBECONFIG");
      kubeconfig.ifPresent(k -> builder.environment().put("KUBECONFIG", k.toString()));
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("helm " + String.join(" ", args) + " hung for 120 s");
      }
      Kubectl.Result result =
          new Kubectl.Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
