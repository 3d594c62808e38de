package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart without a cluster: {@code helm lint}, {@code helm template} for each value profile
 * under {@code helm/snapshots/} against its committed snapshot (a stale snapshot fails, like the
 * CRDs; {@code -Dhelm.snapshots.update} rewrites them), the CRD copies against {@code
 * crds/generated/}, and bad values refused by name.
 */
class HelmChartIT {
  private static final Path SNAPSHOTS = Path.of("helm", "snapshots");
  private static final boolean UPDATE = Boolean.getBoolean("helm.snapshots.update");
  // Generated on every render (certificates, passwords, bcrypt hashes): compared as a placeholder.
  private static final Pattern GENERATED =
      Pattern.compile(
          "(?m)^(\\s*(?:ca\\.crt|tls\\.crt|tls\\.key|caBundle|password|auth\\.yaml): ).+$");

  private final Helm helm = Helm.offline();

  static Stream<String> profiles() throws IOException {
    try (Stream<Path> files = Files.list(Repo.root().resolve(SNAPSHOTS))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".values.yaml"))
          .map(name -> name.substring(0, name.length() - ".values.yaml".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  private Kubectl.Result template(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "template",
                "schemagate",
                Helm.chart().toString(),
                "--namespace",
                "schemagate",
                "--kube-version",
                Helm.kubeVersion()));
    args.addAll(List.of(extra));
    return helm.run(args.toArray(String[]::new));
  }

  private Path profileValues(String profile) {
    return Repo.root().resolve(SNAPSHOTS).resolve(profile + ".values.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void shouldLintCleanly(String profile) {
    Kubectl.Result lint =
        helm.run(
            "lint",
            "--strict",
            "--kube-version",
            Helm.kubeVersion(),
            Helm.chart().toString(),
            "-f",
            profileValues(profile).toString());
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    assertThat(lint.stdout()).contains("0 chart(s) failed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void shouldRenderExactlyTheCommittedSnapshot(String profile) throws IOException {
    Kubectl.Result rendered =
        template(
            "-f", profileValues(profile).toString(), "--api-versions", "monitoring.coreos.com/v1");
    assertThat(rendered.exitCode()).as(rendered.stderr()).isZero();
    String normalized = GENERATED.matcher(rendered.stdout()).replaceAll("$1<generated>");
    Path snapshot = Repo.root().resolve(SNAPSHOTS).resolve(profile + ".yaml");
    if (UPDATE) {
      Files.writeString(snapshot, normalized);
    }
    assertThat(snapshot).exists();
    assertThat(normalized)
        .as(
            "helm template for profile %s differs from %s: review the change, then refresh with"
                + " ./mvnw -pl e2e -am verify -Dit.test=HelmChartIT -Dhelm.snapshots.update",
            profile, SNAPSHOTS.resolve(profile + ".yaml"))
        .isEqualTo(Files.readString(snapshot));
  }

  @Test
  void shouldShipTheGeneratedCrdsByteForByte() throws IOException {
    Path generated = Repo.root().resolve("crds/generated");
    Path copies = Helm.chart().resolve("files/crds");
    List<String> names;
    try (Stream<Path> files = Files.list(generated)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    if (UPDATE) {
      try (Stream<Path> stale = Files.list(copies)) {
        for (Path p : stale.toList()) {
          Files.delete(p);
        }
      }
      for (String name : names) {
        Files.copy(generated.resolve(name), copies.resolve(name));
      }
    }
    try (Stream<Path> files = Files.list(copies)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .as("helm/schemagate/files/crds/ must hold exactly crds/generated/")
          .isEqualTo(names);
    }
    for (String name : names) {
      assertThat(Files.readString(copies.resolve(name)))
          .as(
              "helm/schemagate/files/crds/%s is stale: refresh with ./mvnw -pl e2e -am verify"
                  + " -Dit.test=HelmChartIT -Dhelm.snapshots.update",
              name)
          .isEqualTo(Files.readString(generated.resolve(name)));
    }
  }

  @Test
  void shouldGiveTheWebhookACertificateSignedByTheCaInItsCaBundle() throws Exception {
    Kubectl.Result rendered =
        template(
            "-f",
            profileValues("production").toString(),
            "--set",
            "webhooks.externalUrl=https://127.0.0.1:8443",
            "--show-only",
            "templates/webhooks/admission.yaml");
    assertThat(rendered.exitCode()).as(rendered.stderr()).isZero();
    String yaml = rendered.stdout();
    String caCrt = single(yaml, "ca\\.crt");
    String tlsCrt = single(yaml, "tls\\.crt");
    Matcher bundles = Pattern.compile("(?m)^\\s*caBundle: (\\S+)$").matcher(yaml);
    int count = 0;
    while (bundles.find()) {
      assertThat(bundles.group(1)).isEqualTo(caCrt);
      count++;
    }
    assertThat(count).as("one caBundle per webhook").isEqualTo(3);
    X509Certificate ca = certificate(caCrt);
    X509Certificate serving = certificate(tlsCrt);
    serving.verify(ca.getPublicKey());
    assertThat(serving.getSubjectAlternativeNames())
        .anySatisfy(san -> assertThat(san.get(1)).isEqualTo("schemagate-webhooks.schemagate.svc"))
        .as("externalUrl's host is an IP address SAN (type 7)")
        .anySatisfy(san -> assertThat(List.<Object>copyOf(san)).isEqualTo(List.of(7, "127.0.0.1")));
  }

  @Test
  void shouldRenderMonitoringOnlyWhenTheApiServerServesItsKinds() {
    String[] monitoring = {
      "--set", "monitoring.serviceMonitor.enabled=true",
      "--set", "monitoring.prometheusRule.enabled=true"
    };
    Kubectl.Result without = template(concat(productionArgs(), monitoring));
    assertThat(without.exitCode()).as(without.stderr()).isZero();
    assertThat(without.stdout()).doesNotContain("kind: ServiceMonitor", "kind: PrometheusRule");
    Kubectl.Result with =
        template(
            concat(
                productionArgs(),
                monitoring,
                new String[] {"--api-versions", "monitoring.coreos.com/v1"}));
    assertThat(with.exitCode()).as(with.stderr()).isZero();
    assertThat(with.stdout()).contains("kind: ServiceMonitor", "kind: PrometheusRule");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "registry.replicas=two|at '/registry/replicas': got string, want integer",
        "registry.replica=2|additional properties 'replica' not allowed",
        "webhooks.failurePolicy=Sometimes|at '/webhooks/failurePolicy'",
        "registry.database.url=postgres://db/x|at '/registry/database/url'",
        "environments[0].url=registry:8081|at '/environments/0/url'",
        "logLevel=loud|at '/logLevel'",
        "environments[1].name=dev|environments: \"dev\" is listed twice",
        "webhooks.tls.mode=secret|webhooks.tls.existingSecret is required",
        "registry.database.url=|registry.database.url is required",
        "registry.database.password=|registry.database.password (or registry.database.existingSecret)"
            + " is required",
        "registry.enabled=false|registry.externalUrl is required when registry.enabled=false",
      })
  void shouldRefuseABadValueNamingIt(String set, String message) {
    Kubectl.Result rendered = template(concat(productionArgs(), new String[] {"--set", set}));
    assertThat(rendered.exitCode()).as(rendered.stdout()).isNotZero();
    assertThat(rendered.stderr()).contains(message).doesNotContain("panic", "goroutine");
  }

  /**
   * {@code operator/manifests} and {@code webhooks/manifests} are the install path without Helm:
   * they must grant exactly what the chart grants, role by role, or one of the two drifts.
   */
  @Test
  void shouldGrantInTheChartExactlyWhatThePlainManifestsGrant() throws IOException {
    Kubectl.Result rendered = template(productionArgs());
    assertThat(rendered.exitCode()).as(rendered.stderr()).isZero();
    Map<String, Set<String>> chart = grants(rendered.stdout());
    Map<String, Set<String>> manifests = new TreeMap<>();
    for (String file :
        List.of(
            "operator/manifests/clusterrole.yaml",
            "operator/manifests/leader-election-role.yaml",
            "webhooks/manifests/rbac.yaml")) {
      manifests.putAll(grants(Files.readString(Repo.root().resolve(file))));
    }
    assertThat(manifests.keySet())
        .containsExactlyInAnyOrder(
            "ClusterRole/schemagate-operator",
            "Role/schemagate-operator-leader-election",
            "ClusterRole/schemagate-webhooks");
    assertThat(chart).containsAllEntriesOf(manifests);
    assertThat(chart.keySet()).containsExactlyInAnyOrderElementsOf(manifests.keySet());
  }

  /** Each Role and ClusterRole in a YAML stream, as its set of {@code group/resource:verb}. */
  private static Map<String, Set<String>> grants(String yaml) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.isBlank()) {
        continue;
      }
      HasMetadata item = Serialization.unmarshal(doc);
      List<PolicyRule> rules =
          switch (item) {
            case ClusterRole role -> role.getRules();
            case Role role -> role.getRules();
            case null, default -> List.of();
          };
      if (rules.isEmpty()) {
        continue; // not a role (comment-only documents unmarshal to null)
      }
      Set<String> granted = new TreeSet<>();
      for (PolicyRule rule : rules) {
        for (String group : rule.getApiGroups()) {
          for (String resource : rule.getResources()) {
            for (String verb : rule.getVerbs()) {
              granted.add(group + "/" + resource + ":" + verb);
            }
          }
        }
      }
      grants.put(item.getKind() + "/" + item.getMetadata().getName(), granted);
    }
    return grants;
  }

  private String[] productionArgs() {
    return new String[] {"-f", profileValues("production").toString()};
  }

  private static String[] concat(String[]... parts) {
    return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
  }

  private static String single(String yaml, String key) {
    Matcher m = Pattern.compile("(?m)^\\s*" + key + ": (\\S+)$").matcher(yaml);
    assertThat(m.find()).as(key + " in\n" + yaml).isTrue();
    return m.group(1);
  }

  static X509Certificate certificate(String base64Pem) throws Exception {
    byte[] pem = Base64.getDecoder().decode(base64Pem);
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
  }

  static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
