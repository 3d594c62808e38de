package dev.schemagate.e2e;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Deployment installed on the API server would give its container, for a process run outside
 * the cluster (no kubelet here): the ServiceAccount it runs as (impersonated), its environment as
 * rendered (values, Secret keys and the pod's namespace resolved), and its Secret volumes written
 * to a temporary directory, the paths in the environment following them. The one rewrite is {@code
 * serviceUrls}: an in-cluster Service URL replaced by where that server really listens, as {@code
 * kubectl port-forward} would.
 */
record RenderedWorkload(String serviceAccount, Map<String, String> environment) {

  static RenderedWorkload of(
      KubernetesClient client,
      String namespace,
      String deployment,
      Map<String, String> serviceUrls) {
    Deployment rendered =
        client.apps().deployments().inNamespace(namespace).withName(deployment).require();
    PodSpec pod = rendered.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().getFirst();
    Map<String, String> mounts = secretMounts(client, namespace, pod, container);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      env.put(variable.getName(), resolve(client, namespace, variable, mounts, serviceUrls));
    }
    return new RenderedWorkload(pod.getServiceAccountName(), env);
  }

  /**
   * The environment for a jar run as this workload against the API server of {@code kubeconfig}.
   */
  Map<String, String> processEnvironment(String namespace, Path kubeconfig) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(ServiceAccounts.impersonating(namespace, serviceAccount));
    env.put("KUBECONFIG", kubeconfig.toString());
    return env;
  }

  private static String resolve(
      KubernetesClient client,
      String namespace,
      EnvVar variable,
      Map<String, String> mounts,
      Map<String, String> serviceUrls) {
    if (variable.getValueFrom() == null) {
      String value = variable.getValue() == null ? "" : variable.getValue();
      for (var mount : mounts.entrySet()) {
        if (value.startsWith(mount.getKey() + "/")) {
          value = mount.getValue() + value.substring(mount.getKey().length());
        }
      }
      for (var url : serviceUrls.entrySet()) {
        value = value.replace(url.getKey(), url.getValue());
      }
      return value;
    }
    var from = variable.getValueFrom();
    if (from.getSecretKeyRef() != null) {
      Secret secret =
          client
              .secrets()
              .inNamespace(namespace)
              .withName(from.getSecretKeyRef().getName())
              .require();
      String data = secret.getData().get(from.getSecretKeyRef().getKey());
      if (data == null) {
        throw new IllegalStateException(
            variable.getName()
                + ": Secret "
                + secret.getMetadata().getName()
                + " has no key "
                + from.getSecretKeyRef().getKey());
      }
      return new String(Base64.getDecoder().decode(data), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (from.getFieldRef() != null
        && "metadata.namespace".equals(from.getFieldRef().getFieldPath())) {
      return namespace;
    }
    throw new IllegalStateException(
        "the suite cannot resolve " + variable.getName() + " from " + from);
  }

  /** Mount path -> a temporary directory holding what the kubelet would project there. */
  private static Map<String, String> secretMounts(
      KubernetesClient client, String namespace, PodSpec pod, Container container) {
    Map<String, String> mounts = new HashMap<>();
    for (VolumeMount mount : container.getVolumeMounts()) {
      Volume volume =
          pod.getVolumes().stream()
              .filter(v -> v.getName().equals(mount.getName()))
              .findFirst()
              .orElseThrow();
      if (volume.getSecret() == null) {
        continue;
      }
      Secret secret =
          client
              .secrets()
              .inNamespace(namespace)
              .withName(volume.getSecret().getSecretName())
              .require();
      try {
        Path dir = Files.createTempDirectory("schemagate-e2e-volume-" + mount.getName() + "-");
        List<KeyToPath> items = volume.getSecret().getItems();
        Map<String, String> paths = new HashMap<>();
        if (items == null || items.isEmpty()) {
          secret.getData().keySet().forEach(key -> paths.put(key, key));
        } else {
          items.forEach(item -> paths.put(item.getKey(), item.getPath()));
        }
        for (var path : paths.entrySet()) {
          Files.write(
              dir.resolve(path.getValue()),
              Base64.getDecoder().decode(secret.getData().get(path.getKey())));
        }
        mounts.put(mount.getMountPath(), dir.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return mounts;
  }
}
