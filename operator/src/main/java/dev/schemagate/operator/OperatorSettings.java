package dev.schemagate.operator;

import dev.schemagate.core.config.ConfigException;
import dev.schemagate.core.config.Settings;
import dev.schemagate.operator.events.EventRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's configuration, from environment variables (the Kubernetes way).
 *
 * @param registryUrl {@code SCHEMAGATE_REGISTRY_URL}, default {@code http://localhost:8081}
 * @param watchNamespaces {@code SCHEMAGATE_WATCH_NAMESPACES}, comma-separated; empty: all
 * @param metricsPort {@code SCHEMAGATE_METRICS_PORT}, default 8080; -1 turns the endpoint off
 * @param resync {@code SCHEMAGATE_RESYNC_INTERVAL}, default 5m: drift is re-checked this often
 * @param retryInterval {@code SCHEMAGATE_RETRY_INTERVAL}, default 10s, while the registry is down
 * @param registryTimeout {@code SCHEMAGATE_REGISTRY_TIMEOUT}, default 5s per registry request
 * @param deletionTimeout {@code SCHEMAGATE_DELETION_TIMEOUT}, default 10m: after it a Delete-policy
 *     resource is released even if the registry never answered
 * @param reconcileThreads {@code SCHEMAGATE_RECONCILE_THREADS}, default 32
 * @param useSsa {@code SCHEMAGATE_USE_SSA}, default true: status by server-side apply
 * @param leaderElection {@code SCHEMAGATE_LEADER_ELECTION}, default true
 * @param leaseNamespace {@code SCHEMAGATE_LEASE_NAMESPACE} (else {@code POD_NAMESPACE}, else the
 *     kubeconfig's namespace)
 * @param eventQueue {@code SCHEMAGATE_EVENT_QUEUE}, default 1000: Kubernetes events waiting to be
 *     written before new ones are dropped (as client-go's recorder does)
 * @param eventsPerSecond {@code SCHEMAGATE_EVENT_QPS}, default 50 (the kubelet's): events written a
 *     second at most, with a burst of twice that; 0: no limit
 */
public record OperatorSettings(
    String registryUrl,
    Set<String> watchNamespaces,
    int metricsPort,
    Duration resync,
    Duration retryInterval,
    Duration registryTimeout,
    Duration deletionTimeout,
    int reconcileThreads,
    boolean useSsa,
    boolean leaderElection,
    String leaseNamespace,
    int eventQueue,
    int eventsPerSecond) {

  public OperatorSettings {
    watchNamespaces = Set.copyOf(watchNamespaces);
  }

  /** Defaults for tests and the benchmark: no leader election, no SSA, no metrics port. */
  public static OperatorSettings forTests(String registryUrl) {
    return new OperatorSettings(
        registryUrl,
        Set.of(),
        -1,
        Duration.ofMinutes(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        32,
        false,
        false,
        "",
        EventRecorder.DEFAULT_QUEUE,
        EventRecorder.DEFAULT_PER_SECOND);
  }

  public OperatorSettings withResync(Duration value) {
    return new OperatorSettings(
        registryUrl,
        watchNamespaces,
        metricsPort,
        value,
        retryInterval,
        registryTimeout,
        deletionTimeout,
        reconcileThreads,
        useSsa,
        leaderElection,
        leaseNamespace,
        eventQueue,
        eventsPerSecond);
  }

  public OperatorSettings withDeletionTimeout(Duration value) {
    return new OperatorSettings(
        registryUrl,
        watchNamespaces,
        metricsPort,
        resync,
        retryInterval,
        registryTimeout,
        value,
        reconcileThreads,
        useSsa,
        leaderElection,
        leaseNamespace,
        eventQueue,
        eventsPerSecond);
  }

  public OperatorSettings withReconcileThreads(int value) {
    return new OperatorSettings(
        registryUrl,
        watchNamespaces,
        metricsPort,
        resync,
        retryInterval,
        registryTimeout,
        deletionTimeout,
        value,
        useSsa,
        leaderElection,
        leaseNamespace,
        eventQueue,
        eventsPerSecond);
  }

  public OperatorSettings withEventQueue(int value) {
    return new OperatorSettings(
        registryUrl,
        watchNamespaces,
        metricsPort,
        resync,
        retryInterval,
        registryTimeout,
        deletionTimeout,
        reconcileThreads,
        useSsa,
        leaderElection,
        leaseNamespace,
        value,
        eventsPerSecond);
  }

  /** Reads the environment; a bad value is a {@link ConfigException} naming it. */
  public static OperatorSettings fromEnv(Map<String, String> env) {
    return from(Settings.of(env));
  }

  static OperatorSettings from(Settings env) {
    return new OperatorSettings(
        String.join(
            ",",
            env.urls("SCHEMAGATE_REGISTRY_URL", "http://localhost:8081").stream()
                .map(URI::toString)
                .toList()),
        Arrays.stream(env.text("SCHEMAGATE_WATCH_NAMESPACES", "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()),
        env.integer("SCHEMAGATE_METRICS_PORT", 8080, -1, 65535),
        env.positiveDuration("SCHEMAGATE_RESYNC_INTERVAL", "5m"),
        env.positiveDuration("SCHEMAGATE_RETRY_INTERVAL", "10s"),
        env.positiveDuration("SCHEMAGATE_REGISTRY_TIMEOUT", "5s"),
        env.positiveDuration("SCHEMAGATE_DELETION_TIMEOUT", "10m"),
        env.integer("SCHEMAGATE_RECONCILE_THREADS", 32, 1, 1024),
        env.bool("SCHEMAGATE_USE_SSA", true),
        env.bool("SCHEMAGATE_LEADER_ELECTION", true),
        env.optional("SCHEMAGATE_LEASE_NAMESPACE")
            .or(() -> env.optional("POD_NAMESPACE"))
            .orElse(""),
        env.integer("SCHEMAGATE_EVENT_QUEUE", EventRecorder.DEFAULT_QUEUE, 1, 1_000_000),
        env.integer("SCHEMAGATE_EVENT_QPS", EventRecorder.DEFAULT_PER_SECOND, 0, 100_000));
  }
}
