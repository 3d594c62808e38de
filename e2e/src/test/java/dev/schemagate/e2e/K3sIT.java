package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.schemagate.crds.v1alpha1.DataSchema;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same happy path on k3s, for machines with a Docker engine. Where there is none (these CI
 * machines), JUnit reports it skipped with Testcontainers' reason, and the real-API-server suite
 * ({@link OperatorIT}, {@link AdmissionWebhooksIT}) carries the proof.
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sIT {
  @Container
  private static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.33.5-k3s1"));

  @Test
  void shouldBringADataSchemaToReadyOnK3s() throws IOException {
    Path kubeconfig = Files.createTempFile("k3s", ".kubeconfig");
    Files.writeString(kubeconfig, K3S.getKubeConfigYaml());
    Kubectl kubectl = new Kubectl(RealApiServer.kubectlBinary(), kubeconfig);
    for (String path :
        List.of(
            "crds/generated",
            "operator/manifests/namespace.yaml",
            "operator/manifests/serviceaccount.yaml",
            "operator/manifests/clusterrole.yaml",
            "operator/manifests/leader-election-role.yaml")) {
      Kubectl.Result applied = kubectl.run("apply", "-f", Repo.root().resolve(path).toString());
      assertThat(applied.ok()).as(applied.output()).isTrue();
    }
    kubectl.run(
        "wait", "--for=condition=Established", "--timeout=60s", "crd/dataschemas.schemagate.dev");
    assertThat(kubectl.run("create", "namespace", "k3s-e2e").ok()).isTrue();

    try (Registry registry = new Registry();
        JarProcess operator = OperatorProcess.start(kubeconfig, registry.url(), Map.of());
        KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
                .build()) {
      Kubectl.Result applied =
          kubectl.apply(
              OperatorIT.dataSchema("payments", "", OperatorIT.avroOrder(""))
                  .replace("namespace: e2e-operator", "namespace: k3s-e2e"));
      assertThat(applied.ok()).as(applied.output()).isTrue();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  client
                      .resources(DataSchema.class)
                      .inNamespace("k3s-e2e")
                      .withName("payments")
                      .get(),
              ds ->
                  ds != null
                      && ds.getStatus() != null
                      && ds.getStatus().isReadyFor(ds.getMetadata().getGeneration()));
      assertThat(operator.isAlive()).isTrue();
    }
  }
}
