package dev.schemagate.sdk;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.registry.client.CompatibilityReport;
import dev.schemagate.registry.client.RegisteredSchema;
import dev.schemagate.registry.client.RegisteredVersion;
import dev.schemagate.registry.client.RegistryException;
import dev.schemagate.registry.client.RegistryException.Reason;
import dev.schemagate.registry.client.RegistryMode;
import dev.schemagate.registry.client.SchemaRegistryClient;
import dev.schemagate.registry.client.SchemaSubmission;
import dev.schemagate.registry.client.lineage.LineageClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry in a map, for unit tests of serde logic (the Kafka tests use the real server). Ids can
 * be pinned ({@link #registerWithId}) to build hand-made wire-format vectors; {@link #down}
 * simulates an outage; {@link #calls} counts what reached "the network".
 */
public final class InMemoryRegistryClient implements SchemaRegistryClient {
  private final Map<Integer, SchemaSubmission> byId = new ConcurrentHashMap<>();
  private final Map<String, List<RegisteredSchema>> subjects = new ConcurrentHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  public final AtomicInteger calls = new AtomicInteger();
  public volatile boolean down;

  @Override
  public synchronized int registerWithId(String subject, SchemaSubmission schema, int id) {
    byId.put(id, schema);
    var versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    versions.add(
        new RegisteredSchema(
            subject, versions.size() + 1, id, schema.format(), schema.schema(), List.of()));
    return id;
  }

  private void call() throws RegistryException {
    calls.incrementAndGet();
    if (down) {
      throw new RegistryException(Reason.UNAVAILABLE, 0, "registry down (test)");
    }
  }

  @Override
  public synchronized RegisteredVersion registerVersion(
      String subject, SchemaSubmission schema, boolean normalize) throws RegistryException {
    call();
    var existing = lookup(subject, schema);
    if (existing.isPresent()) {
      return new RegisteredVersion(existing.get().id(), existing.get().version());
    }
    int id = registerWithId(subject, schema, nextId.getAndIncrement() + 100);
    return new RegisteredVersion(id, subjects.get(subject).size());
  }

  @Override
  public synchronized Optional<RegisteredSchema> lookup(String subject, SchemaSubmission schema)
      throws RegistryException {
    call();
    return subjects.getOrDefault(subject, List.of()).stream()
        .filter(r -> r.schema().equals(schema.schema()))
        .findFirst();
  }

  @Override
  public List<String> subjects() throws RegistryException {
    call();
    return List.copyOf(subjects.keySet());
  }

  @Override
  public List<Integer> versions(String subject) throws RegistryException {
    call();
    return subjects.getOrDefault(subject, List.of()).stream()
        .map(RegisteredSchema::version)
        .toList();
  }

  @Override
  public Optional<RegisteredSchema> version(String subject, int version) throws RegistryException {
    call();
    return subjects.getOrDefault(subject, List.of()).stream()
        .filter(r -> r.version() == version)
        .findFirst();
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) throws RegistryException {
    call();
    var versions = subjects.getOrDefault(subject, List.of());
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
  }

  @Override
  public Optional<SchemaSubmission> schemaById(int id) throws RegistryException {
    call();
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public CompatibilityReport testCompatibility(String subject, SchemaSubmission schema) {
    return new CompatibilityReport(true, List.of());
  }

  @Override
  public CompatibilityLevel compatibility(String subject) {
    return CompatibilityLevel.BACKWARD;
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {}

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    var removed = subjects.remove(subject);
    return removed == null ? List.of() : removed.stream().map(RegisteredSchema::version).toList();
  }

  @Override
  public Optional<Integer> deleteVersion(String subject, int version, boolean permanent) {
    var versions = subjects.get(subject);
    if (versions == null || !versions.removeIf(s -> s.version() == version)) {
      return Optional.empty();
    }
    return Optional.of(version);
  }

  @Override
  public void close() {}

  @Override
  public RegistryMode mode(String subject) throws RegistryException {
    call();
    return RegistryMode.READWRITE;
  }

  @Override
  public LineageClient lineage() {
    throw new UnsupportedOperationException("the in-memory registry keeps no lineage");
  }

  @Override
  public Optional<dev.schemagate.registry.client.ContractVersion> latestWithContract(
      String subject) {
    throw new UnsupportedOperationException("the in-memory registry keeps no data contracts");
  }

  @Override
  public dev.schemagate.registry.client.RegisteredVersion registerWithContract(
      String subject,
      dev.schemagate.registry.client.SchemaSubmission schema,
      dev.schemagate.registry.client.DataContractFields contract) {
    throw new UnsupportedOperationException("the in-memory registry keeps no data contracts");
  }

  @Override
  public dev.schemagate.registry.client.checkpoint.CheckpointClient checkpoints() {
    throw new UnsupportedOperationException("the in-memory registry keeps no checkpoints");
  }

  @Override
  public dev.schemagate.registry.client.drift.DriftClient drift() {
    throw new UnsupportedOperationException("the in-memory registry keeps no drift reports");
  }
}
