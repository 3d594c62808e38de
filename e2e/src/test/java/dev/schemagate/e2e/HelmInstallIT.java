package dev.schemagate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.schemagate.crds.v1alpha1.DataContract;
import dev.schemagate.crds.v1alpha1.DataSchema;
import dev.schemagate.crds.v1alpha1.Promotion;
import dev.schemagate.crds.v1alpha1.PromotionPhase;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.SchemaRegistryClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chart on the real API server: {@code helm install} (every object admitted), the operator and
 * webhook jars run as the ServiceAccounts with the RBAC and environment the chart rendered (pods
 * cannot start here: there is no kubelet), a DataSchema and a Promotion through that install, a
 * breaking change refused through the chart's ValidatingWebhookConfiguration, {@code helm upgrade}
 * (a changed CRD applied, certificates and passwords kept) and {@code helm uninstall} (CRDs,
 * resources and registry data kept). The registries run with the users file the chart generated
 * (authentication on, the chart's default), so the operator and webhooks reach them only through
 * the credentials the chart gives them; with a wrong password, the operator reports {@code
 * RegistryNotAuthorized} and the webhook denies naming the refused credentials.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelmInstallIT {
  private static final String RELEASE = "sg-e2e";
  private static final String NS = "sg-e2e";
  private static final String WORK = "helm-e2e-work";
  // Kept by helm uninstall (as documented): a name and subject no other suite uses, since the
  // other suites' operators watch every namespace and an older claim on a subject wins.
  private static final String SCHEMA = "helm-payments";
  private static final String FULLNAME = "sg-e2e-schemagate";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String[] CRDS = {
    "dataschemas.schemagate.dev", "datacontracts.schemagate.dev", "promotions.schemagate.dev"
  };
  private static final String V1 =
      """
      {"type":"record","name":"Payment","namespace":"com.acme","fields":[\
      {"name":"paymentId","type":"string"},{"name":"amount","type":"long"}]}""";
  private static final String BREAKING =
      """
      {"type":"record","name":"Payment","namespace":"com.acme","fields":[\
      {"name":"paymentId","type":"string"},{"name":"amount","type":"long"},\
      {"name":"channel","type":"string"}]}""";

  private static RealApiServer cluster;
  private static Kubectl kubectl;
  private static KubernetesClient client;
  private static Helm helm;
  private static Registry dev;
  private static Registry staging;
  private static Path values;
  private static int webhookPort;
  private static JarProcess operator;
  private static JarProcess webhooks;
  private static Map<String, String> webhookEnvironment;
  private static Map<String, String> operatorEnvironment;
  private static JarProcess refusedOperator;

  @BeforeAll
  static void start() throws IOException {
    cluster = RealApiServer.get();
    cluster.ensureCrdsInstalled();
    kubectl = cluster.kubectl();
    client = cluster.adminClient();
    helm = Helm.against(cluster.kubeconfig());
    // CRDs installed earlier with kubectl apply (by the other suites, or by a platform team
    // moving to the chart) are adopted by Helm through its ownership metadata.
    for (String crd : CRDS) {
      ok(kubectl.run("label", "crd", crd, "app.kubernetes.io/managed-by=Helm", "--overwrite"));
      ok(
          kubectl.run(
              "annotate",
              "crd",
              crd,
              "meta.helm.sh/release-name=" + RELEASE,
              "meta.helm.sh/release-namespace=" + NS,
              "--overwrite"));
    }
    ok(kubectl.run("create", "namespace", WORK));
    ok(kubectl.run("label", "namespace", WORK, "schemagate.dev/e2e=helm"));
    dev = new Registry();
    staging = new Registry();
    webhookPort = freePort();
    values = Files.createTempFile("schemagate-helm-e2e-", ".values.yaml");
    Files.writeString(
        values,
        """
        registry:
          database: {url: "jdbc:postgresql://postgres.databases.svc:5432/schemagate", password: e2e}
        environments:
          - {name: dev, url: "%s"}
          - {name: staging, url: "%s"}
        operator:
          watchNamespaces: [%s]
          metricsPort: %d
        webhooks:
          port: %d
          metricsPort: %d
          # Only for this suite: the webhook process runs outside the cluster.
          externalUrl: "https://127.0.0.1:%d"
          # A shared, loaded machine: cold JVMs answer their first calls slowly.
          timeoutSeconds: 20
          registryTimeout: 15s
          # As AdmissionWebhooksIT: no history cache, so a version the operator registered a
          # moment ago is what the next review compares with.
          extraEnv: [{name: SCHEMAGATE_WEBHOOK_CACHE_TTL, value: 0s}]
          # Other suites share this API server: only this suite's namespace is reviewed here.
          namespaceSelector: {matchLabels: {schemagate.dev/e2e: helm}}
        """
            .formatted(
                dev.url(), staging.url(), WORK, freePort(), webhookPort, freePort(), webhookPort));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable resource :
        new AutoCloseable[] {operator, refusedOperator, webhooks, staging, dev, client}) {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception ignored) {
          // best effort
        }
      }
    }
  }

  @Test
  @Order(1)
  void shouldRefuseBadValuesBeforeCreatingAnything() {
    Kubectl.Result refused =
        helm.run(
            "install",
            "sg-bad",
            Helm.chart().toString(),
            "-n",
            "sg-bad",
            "--create-namespace",
            "-f",
            values.toString(),
            "--set",
            "webhooks.timeoutSeconds=90");
    assertThat(refused.ok()).isFalse();
    assertThat(refused.stderr()).contains("at '/webhooks/timeoutSeconds'");
    assertThat(helm.run("status", "sg-bad", "-n", "sg-bad").ok()).isFalse();
  }

  @Test
  @Order(2)
  void shouldInstallWithEveryObjectAdmitted() {
    Kubectl.Result installed =
        helm.run(
            "install",
            RELEASE,
            Helm.chart().toString(),
            "-n",
            NS,
            "--create-namespace",
            "-f",
            values.toString());
    assertThat(installed.ok()).as(installed.output()).isTrue();
    String manifest = ok(helm.run("get", "manifest", RELEASE, "-n", NS)).stdout();
    long documents =
        Stream.of(manifest.split("(?m)^---$")).filter(d -> d.contains("kind:")).count();
    Kubectl.Result live = kubectl.runWithInput(manifest, "get", "-f", "-", "-o", "name");
    assertThat(live.ok()).as(live.output()).isTrue();
    assertThat(live.stdout().lines().count()).isEqualTo(documents);
    assertThat(live.stdout())
        .contains(
            "deployment.apps/" + FULLNAME + "-registry",
            "deployment.apps/" + FULLNAME + "-operator",
            "deployment.apps/" + FULLNAME + "-webhooks",
            "poddisruptionbudget.policy/" + FULLNAME + "-webhooks",
            "validatingwebhookconfiguration.admissionregistration.k8s.io/" + FULLNAME + "-webhooks",
            "customresourcedefinition.apiextensions.k8s.io/dataschemas.schemagate.dev",
            "rolebinding.rbac.authorization.k8s.io/" + FULLNAME + "-operator");
  }

  @Test
  @Order(3)
  void shouldRunAsTheChartsServiceAccountsAndRefuseABreakingChangeThroughItsWebhook()
      throws IOException {
    // Authentication on, as the chart installs the registry: its generated users file.
    Secret auth = secret(FULLNAME + "-registry-auth");
    Path authFile = Files.createTempFile("schemagate-helm-auth-", ".yaml");
    Files.writeString(authFile, decoded(auth, "auth.yaml"));
    dev.requireAuth(authFile, decoded(auth, "username"), decoded(auth, "password"));
    staging.requireAuth(authFile, decoded(auth, "username"), decoded(auth, "password"));
    try (SchemaRegistryClient anonymous = SchemaRegistryClient.builder(dev.url()).build()) {
      assertThatThrownBy(anonymous::subjects)
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_AUTHORIZED));
    }
    Map<String, String> serviceUrls =
        Map.of("http://" + FULLNAME + "-registry." + NS + ".svc:8081", dev.url());
    RenderedWorkload webhookWorkload =
        RenderedWorkload.of(client, NS, FULLNAME + "-webhooks", serviceUrls);
    assertThat(webhookWorkload.environment())
        .containsEntry("SCHEMAGATE_ENVIRONMENTS", "dev=" + dev.url() + ",staging=" + staging.url())
        .containsEntry("SCHEMAGATE_WEBHOOK_PORT", Integer.toString(webhookPort))
        .containsEntry("SCHEMAGATE_REGISTRY_USER", decoded(auth, "username"))
        .containsKey("SCHEMAGATE_REGISTRY_PASSWORD");
    webhookEnvironment = webhookWorkload.processEnvironment(NS, cluster.kubeconfig());
    webhooks = startWebhooks(webhookEnvironment);
    RenderedWorkload operatorWorkload =
        RenderedWorkload.of(client, NS, FULLNAME + "-operator", serviceUrls);
    assertThat(operatorWorkload.environment())
        .containsEntry(
            "SCHEMAGATE_ENVIRONMENTS", webhookWorkload.environment().get("SCHEMAGATE_ENVIRONMENTS"))
        .containsEntry("SCHEMAGATE_WATCH_NAMESPACES", WORK)
        .containsEntry("SCHEMAGATE_REGISTRY_USER", decoded(auth, "username"));
    operatorEnvironment = operatorWorkload.processEnvironment(NS, cluster.kubeconfig());
    operator =
        JarProcess.start("operator/target/schemagate-operator.jar", "256m", operatorEnvironment);
    awaitWebhooks(webhooks);

    ok(kubectl.apply(payments(V1)));
    DataSchema registered =
        awaitResource(
            DataSchema.class,
            SCHEMA,
            ds ->
                ds.getStatus() != null
                    && ds.getStatus().isReadyFor(ds.getMetadata().getGeneration()));
    ArgoCdHealth.expect(registered, "Healthy");
    ok(
        kubectl.apply(
            """
            apiVersion: schemagate.dev/v1alpha1
            kind: DataContract
            metadata: {name: helm-payments, namespace: %s}
            spec:
              schemaRef: helm-payments
              owner: {team: payments, contact: "#payments"}
              consumers:
                - {name: ledger, kind: service, fields: [amount], criticality: high, owner: finance}
            """
                .formatted(WORK)));
    DataContract contract =
        awaitResource(
            DataContract.class,
            SCHEMA,
            dc ->
                dc.getStatus() != null
                    && dc.getStatus().isReadyFor(dc.getMetadata().getGeneration()));
    ArgoCdHealth.expect(contract, "Healthy");

    Kubectl.Result refused = kubectl.apply(payments(BREAKING));
    assertThat(refused.ok()).as(refused.output()).isFalse();
    assertThat(refused.output())
        .contains("admission webhook \"dataschemas.schemagate.dev\" denied the request")
        .contains("channel");
  }

  @Test
  @Order(5)
  void shouldPromoteThroughTheInstall() throws Exception {
    ok(
        kubectl.apply(
            """
            apiVersion: schemagate.dev/v1alpha1
            kind: Promotion
            metadata: {name: payments-v1, namespace: %s}
            spec: {schemaRef: helm-payments, version: 1, from: dev, to: staging}
            """
                .formatted(WORK)));
    Promotion promoted =
        awaitResource(
            Promotion.class,
            "payments-v1",
            p -> p.getStatus() != null && p.getStatus().getPhase() == PromotionPhase.Promoted);
    ArgoCdHealth.expect(promoted, "Healthy");
    try (SchemaRegistryClient stagingClient = staging.client()) {
      assertThat(stagingClient.versions(SCHEMA)).containsExactly(1);
    }
    Kubectl.Result unknown =
        kubectl.apply(
            """
            apiVersion: schemagate.dev/v1alpha1
            kind: Promotion
            metadata: {name: payments-to-prod, namespace: %s}
            spec: {schemaRef: helm-payments, version: 1, from: staging, to: prod}
            """
                .formatted(WORK));
    assertThat(unknown.ok()).as("prod is not among the chart's environments").isFalse();
    assertThat(unknown.output()).contains("promotions.schemagate.dev").contains("prod");
  }

  @Test
  @Order(5)
  void shouldReportAndDenyClearlyWithAWrongRegistryPassword() throws Exception {
    // An operator with the chart's environment but a wrong password, in a namespace of its own.
    String other = WORK + "-refused";
    ok(kubectl.run("create", "namespace", other));
    ok(kubectl.run("label", "namespace", other, "schemagate.dev/e2e=helm-refused"));
    // the same rights there as the chart grants in a watched namespace
    ok(
        kubectl.run(
            "create",
            "rolebinding",
            FULLNAME + "-operator",
            "-n",
            other,
            "--clusterrole=" + FULLNAME + "-operator",
            "--serviceaccount=" + NS + ":" + FULLNAME + "-operator"));
    Map<String, String> wrong = new java.util.HashMap<>(operatorEnvironment);
    wrong.put("SCHEMAGATE_REGISTRY_PASSWORD", "not-the-chart-password");
    wrong.put("SCHEMAGATE_WATCH_NAMESPACES", other);
    wrong.put("SCHEMAGATE_LEADER_ELECTION", "false");
    wrong.put("SCHEMAGATE_METRICS_PORT", "-1");
    refusedOperator = JarProcess.start("operator/target/schemagate-operator.jar", "256m", wrong);
    ok(kubectl.apply(payments(V1).replace("namespace: " + WORK, "namespace: " + other)));
    DataSchema refused =
        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> client.resources(DataSchema.class).inNamespace(other).withName(SCHEMA).get(),
                ds -> {
                  if (!refusedOperator.isAlive()) {
                    throw new AssertionError("operator died:\n" + refusedOperator.log());
                  }
                  return ds != null
                      && ds.getStatus() != null
                      && ds.getStatus()
                          .condition("Ready")
                          .filter(c -> "RegistryNotAuthorized".equals(c.reason()))
                          .isPresent();
                });
    assertThat(refused.getStatus().condition("Ready").orElseThrow().status()).isEqualTo("False");
    refusedOperator.close();
    refusedOperator = null;

    // The webhook with a wrong password, in place of the chart's: a denial that says why.
    webhooks.close();
    Map<String, String> wrongHooks = new java.util.HashMap<>(webhookEnvironment);
    wrongHooks.put("SCHEMAGATE_REGISTRY_PASSWORD", "not-the-chart-password");
    webhooks = startWebhooks(wrongHooks);
    awaitWebhooks(webhooks);
    Kubectl.Result denied = kubectl.apply(payments(BREAKING));
    assertThat(denied.ok()).as(denied.output()).isFalse();
    assertThat(denied.output())
        .contains("denied the request")
        .contains("refused the webhooks' credentials");
    webhooks.close();
    webhooks = startWebhooks(webhookEnvironment);
    awaitWebhooks(webhooks);
  }

  private static JarProcess startWebhooks(Map<String, String> env) {
    return JarProcess.start("webhooks/target/schemagate-webhooks.jar", "128m", env);
  }

  private static void awaitWebhooks(JarProcess process) {
    // A JVM that syncs its informers before it listens: under a loaded CI machine this once took
    // over 30 s. Waiting longer costs nothing when it is quick.
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("webhooks exited:\n" + process.log());
              }
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", webhookPort), 500);
                return true;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  private static String decoded(Secret secret, String key) {
    return new String(
        java.util.Base64.getDecoder().decode(secret.getData().get(key)),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  @Order(6)
  void shouldUpgradeACrdAndValuesKeepingCertificatesAndPasswords() throws IOException {
    Secret tlsBefore = secret(FULLNAME + "-webhooks-tls");
    Secret authBefore = secret(FULLNAME + "-registry-auth");
    Path chart = copyOfChartWithAChangedCrd();
    Kubectl.Result upgraded =
        helm.run(
            "upgrade",
            RELEASE,
            chart.toString(),
            "-n",
            NS,
            "-f",
            values.toString(),
            "--set",
            "registry.replicas=3",
            "--set",
            "operator.resyncInterval=1m");
    assertThat(upgraded.ok()).as(upgraded.output()).isTrue();

    assertThat(
            ok(kubectl.run("get", "crd", CRDS[0], "-o", "jsonpath={.spec.names.categories}"))
                .stdout())
        .contains("schemagate-e2e-upgraded");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName(FULLNAME + "-registry")
                .require()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
    assertThat(RenderedWorkload.of(client, NS, FULLNAME + "-operator", Map.of()).environment())
        .containsEntry("SCHEMAGATE_RESYNC_INTERVAL", "1m");
    Secret tlsAfter = secret(FULLNAME + "-webhooks-tls");
    assertThat(tlsAfter.getData()).isEqualTo(tlsBefore.getData());
    assertThat(secret(FULLNAME + "-registry-auth").getData().get("password"))
        .isEqualTo(authBefore.getData().get("password"));
    ValidatingWebhookConfiguration configuration =
        client
            .admissionRegistration()
            .v1()
            .validatingWebhookConfigurations()
            .withName(FULLNAME + "-webhooks")
            .require();
    assertThat(configuration.getWebhooks())
        .allSatisfy(
            hook ->
                assertThat(hook.getClientConfig().getCaBundle())
                    .isEqualTo(tlsAfter.getData().get("ca.crt")));
    // The webhook still serves with the certificate it read before the upgrade.
    Kubectl.Result refused = kubectl.apply(payments(BREAKING));
    assertThat(refused.output()).contains("denied the request");
  }

  @Test
  @Order(7)
  void shouldUninstallKeepingCrdsResourcesAndRegistryData() throws Exception {
    ok(helm.run("uninstall", RELEASE, "-n", NS));
    for (String crd : CRDS) {
      ok(kubectl.run("get", "crd", crd));
    }
    assertThat(client.resources(DataSchema.class).inNamespace(WORK).withName(SCHEMA).get())
        .isNotNull();
    assertThat(ok(kubectl.run("get", "deployments", "-n", NS, "-o", "name")).stdout()).isBlank();
    assertThat(
            client
                .admissionRegistration()
                .v1()
                .validatingWebhookConfigurations()
                .withName(FULLNAME + "-webhooks")
                .get())
        .isNull();
    assertThat(kubectl.run("get", "clusterrole", FULLNAME + "-operator").ok()).isFalse();
    try (SchemaRegistryClient devClient = dev.client()) {
      assertThat(devClient.versions(SCHEMA)).containsExactly(1);
    }
  }

  @Test
  @Order(8)
  void shouldKeepTheDevelopmentDatabaseVolumeOnUninstall() {
    String release = "sg-dev";
    ok(
        helm.run(
            "install",
            release,
            Helm.chart().toString(),
            "-n",
            release,
            "--create-namespace",
            "--set",
            "registry.devMode.enabled=true",
            "--set",
            "crds.install=false",
            "--set",
            "operator.enabled=false",
            "--set",
            "webhooks.enabled=false"));
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(release)
                .withName("sg-dev-schemagate-registry")
                .require()
                .getSpec()
                .getReplicas())
        .isEqualTo(1);
    ok(helm.run("uninstall", release, "-n", release));
    ok(kubectl.run("get", "pvc", "sg-dev-schemagate-registry-data", "-n", release));
    assertThat(kubectl.run("get", "deployment", "sg-dev-schemagate-registry", "-n", release).ok())
        .isFalse();
  }

  private static Secret secret(String name) {
    return client.secrets().inNamespace(NS).withName(name).require();
  }

  /** The chart as a later release would ship it: one CRD gained a category. */
  private static Path copyOfChartWithAChangedCrd() throws IOException {
    Path copy = Files.createTempDirectory("schemagate-chart-").resolve("schemagate");
    try (Stream<Path> files = Files.walk(Helm.chart())) {
      for (Path source : files.toList()) {
        Path target = copy.resolve(Helm.chart().relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    Path crd = copy.resolve("files/crds/" + CRDS[0] + "-v1.yml");
    String text = Files.readString(crd);
    String changed =
        text.replace("    - schemagate\n", "    - schemagate\n    - schemagate-e2e-upgraded\n");
    assertThat(changed).isNotEqualTo(text);
    Files.writeString(crd, changed);
    return copy;
  }

  private static String payments(String schema) {
    return """
        apiVersion: schemagate.dev/v1alpha1
        kind: DataSchema
        metadata: {name: helm-payments, namespace: %s}
        spec:
          subject: helm-payments
          format: AVRO
          owner: {team: payments}
          schema: '%s'
        """
        .formatted(WORK, schema);
  }

  private static <T extends HasMetadata> T awaitResource(
      Class<T> type, String name, Predicate<T> done) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> client.resources(type).inNamespace(WORK).withName(name).get(),
            resource -> {
              if (!operator.isAlive()) {
                throw new AssertionError("operator died:\n" + operator.log());
              }
              return resource != null && done.test(resource);
            });
  }

  private static Kubectl.Result ok(Kubectl.Result result) {
    assertThat(result.ok()).as(result.output()).isTrue();
    return result;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
