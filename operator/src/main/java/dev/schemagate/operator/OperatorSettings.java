package dev.schemagate.operator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    String leaseNamespace) {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

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
        "");
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
        leaseNamespace);
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
        leaseNamespace);
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
        leaseNamespace);
  }

  /** Reads the environment; a bad value is an {@link IllegalArgumentException} naming it. */
  public static OperatorSettings fromEnv(Map<String, String> env) {
    return new OperatorSettings(
        env.getOrDefault("SCHEMAGATE_REGISTRY_URL", "http://localhost:8081"),
        Arrays.stream(env.getOrDefault("SCHEMAGATE_WATCH_NAMESPACES", "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()),
        integer(env, "SCHEMAGATE_METRICS_PORT", 8080, -1, 65535),
        duration(env, "SCHEMAGATE_RESYNC_INTERVAL", "5m"),
        duration(env, "SCHEMAGATE_RETRY_INTERVAL", "10s"),
        duration(env, "SCHEMAGATE_REGISTRY_TIMEOUT", "5s"),
        duration(env, "SCHEMAGATE_DELETION_TIMEOUT", "10m"),
        integer(env, "SCHEMAGATE_RECONCILE_THREADS", 32, 1, 1024),
        bool(env, "SCHEMAGATE_USE_SSA", true),
        bool(env, "SCHEMAGATE_LEADER_ELECTION", true),
        env.getOrDefault("SCHEMAGATE_LEASE_NAMESPACE", env.getOrDefault("POD_NAMESPACE", "")));
  }

  static Duration duration(Map<String, String> env, String name, String fallback) {
    String text = env.getOrDefault(name, fallback).strip();
    Matcher m = DURATION.matcher(text);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException(
          "%s='%s' is not a positive duration such as 500ms, 30s, 5m or 1h".formatted(name, text));
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    String text = env.getOrDefault(name, Integer.toString(fallback)).strip();
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        "%s='%s' must be a whole number from %d to %d".formatted(name, text, min, max));
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    String text = env.getOrDefault(name, Boolean.toString(fallback)).strip();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("%s='%s' must be true or false".formatted(name, text));
  }
}
