package dev.schemagate.e2e;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One real kube-apiserver + etcd for the whole suite (start-up costs seconds), from the binaries
 * that {@code k8s-binaries/build.sh} built. Offline mode: nothing is downloaded.
 */
final class RealApiServer {
  private static RealApiServer instance;

  private final KubeAPIServer server;
  private final String kubeconfigYaml;
  private final Path kubeconfigFile;
  private boolean crdsInstalled;

  private RealApiServer() {
    Path dir = Path.of(System.getProperty("kube-api-test.dir", defaultDir()));
    if (!Files.isDirectory(dir.resolve("k8s"))) {
      throw new IllegalStateException(
          "No Kubernetes binaries under "
              + dir
              + "/k8s: run e2e/k8s-binaries/build.sh first (it needs a Go toolchain)");
    }
    server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(dir.toString())
                .withOfflineMode(true)
                .withStartupTimeout(120_000)
                // Admission plugins our webhooks rely on are on by default; the dry-run and
                // ValidatingAdmissionWebhook paths are what the suite exercises.
                .withApiServerFlags(List.of())
                .build());
    server.start();
    kubeconfigYaml = server.getKubeConfigYaml();
    try {
      kubeconfigFile = Files.createTempFile("schemagate-e2e-", ".kubeconfig");
      Files.writeString(kubeconfigFile, kubeconfigYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kube-api-server-stop"));
  }

  static synchronized RealApiServer get() {
    if (instance == null) {
      instance = new RealApiServer();
    }
    return instance;
  }

  /** A server of its own (a benchmark's cold start), apart from the suite's shared one. */
  static RealApiServer startFresh() {
    return new RealApiServer();
  }

  /** Stops a server from {@link #startFresh()}; the shared one stops with the JVM. */
  void stop() {
    server.stop();
  }

  private static String defaultDir() {
    return System.getProperty("user.home") + "/.cache/schemagate/kube-api-test";
  }

  /** A client with the cluster-admin credentials kube-api-test generated. */
  KubernetesClient adminClient() {
    return new KubernetesClientBuilder().withConfig(adminConfig()).build();
  }

  Config adminConfig() {
    return Config.fromKubeconfig(kubeconfigYaml);
  }

  Path kubeconfig() {
    return kubeconfigFile;
  }

  /** The kubectl built alongside the API server (same Kubernetes release). */
  Kubectl kubectl() {
    return new Kubectl(kubectlBinary(), kubeconfigFile);
  }

  static Path kubectlBinary() {
    Path root = Path.of(System.getProperty("kube-api-test.dir", defaultDir())).resolve("k8s");
    try (var versions = Files.list(root)) {
      return versions
          .filter(Files::isDirectory)
          .max(java.util.Comparator.comparing(Path::toString))
          .orElseThrow(() -> new IllegalStateException("no binaries under " + root))
          .resolve("kubectl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Installs the generated CRDs (once) and waits until the API server serves them. */
  synchronized void ensureCrdsInstalled() {
    if (crdsInstalled) {
      return;
    }
    Kubectl.Result applied =
        kubectl().run("apply", "-f", Repo.root().resolve("crds/generated").toString());
    if (!applied.ok()) {
      throw new IllegalStateException("CRDs did not apply: " + applied.output());
    }
    Kubectl.Result established =
        kubectl()
            .run(
                "wait",
                "--for=condition=Established",
                "--timeout=60s",
                "crd/dataschemas.schemagate.dev",
                "crd/datacontracts.schemagate.dev",
                "crd/promotions.schemagate.dev");
    if (!established.ok()) {
      throw new IllegalStateException("CRDs not established: " + established.output());
    }
    crdsInstalled = true;
  }
}
