package dev.schemagate.registry.client;

import dev.schemagate.core.compat.CompatibilityLevel;
import dev.schemagate.registry.client.checkpoint.CheckpointClient;
import dev.schemagate.registry.client.lineage.LineageClient;
import java.util.List;
import java.util.Optional;

/**
 * The Confluent Schema Registry REST API as schemagate's components use it. "Not found" answers
 * come back as empty results; every other failure is a {@link RegistryException}.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /**
   * A client for the registry at {@code url} (several may be given, comma-separated; the client
   * fails over between them). See {@link SchemaRegistryClientBuilder} for the knobs and defaults.
   */
  static SchemaRegistryClientBuilder builder(String url) {
    return new SchemaRegistryClientBuilder(List.of(url));
  }

  /** A client that fails over between these registry URLs, in order. */
  static SchemaRegistryClientBuilder builder(List<String> urls) {
    return new SchemaRegistryClientBuilder(urls);
  }

  /** POST /subjects/{subject}/versions: the id (existing one when the content is known). */
  default int register(String subject, SchemaSubmission schema, boolean normalize)
      throws RegistryException {
    return registerVersion(subject, schema, normalize).id();
  }

  /**
   * POST /subjects/{subject}/versions: the id and the version the content holds under the subject
   * (version 0 when the registry answers with the id alone, as Confluent's did before 7.4).
   */
  RegisteredVersion registerVersion(String subject, SchemaSubmission schema, boolean normalize)
      throws RegistryException;

  /** POST /subjects/{subject}: the version under which this content is registered, if any. */
  Optional<RegisteredSchema> lookup(String subject, SchemaSubmission schema)
      throws RegistryException;

  /**
   * POST /subjects/{subject}/versions with an explicit {@code id}, which the registry accepts only
   * in IMPORT mode (see {@link #mode}): keeps ids equal across environments. The id kept.
   */
  int registerWithId(String subject, SchemaSubmission schema, int id) throws RegistryException;

  /** GET /mode/{subject}?defaultToGlobal=true: the subject's mode, else the registry's. */
  RegistryMode mode(String subject) throws RegistryException;

  /** GET /subjects. */
  List<String> subjects() throws RegistryException;

  /** GET /subjects/{subject}/versions; empty when the subject does not exist. */
  List<Integer> versions(String subject) throws RegistryException;

  /** GET /subjects/{subject}/versions/{version}. */
  Optional<RegisteredSchema> version(String subject, int version) throws RegistryException;

  /** GET /subjects/{subject}/versions/latest. */
  Optional<RegisteredSchema> latest(String subject) throws RegistryException;

  /** GET /schemas/ids/{id}: the schema text and format (subject and version are not known). */
  Optional<SchemaSubmission> schemaById(int id) throws RegistryException;

  /** POST /compatibility/subjects/{subject}/versions/latest?verbose=true. */
  CompatibilityReport testCompatibility(String subject, SchemaSubmission schema)
      throws RegistryException;

  /** GET /config/{subject}?defaultToGlobal=true. */
  CompatibilityLevel compatibility(String subject) throws RegistryException;

  /** PUT /config/{subject}. */
  void setCompatibility(String subject, CompatibilityLevel level) throws RegistryException;

  /** DELETE /subjects/{subject} (soft, or permanent): the versions deleted. */
  List<Integer> deleteSubject(String subject, boolean permanent) throws RegistryException;

  /**
   * GET /subjects/{subject}/versions/latest with Confluent's data-contract fields ({@code
   * metadata}, {@code ruleSet}), always asked of the registry (never from the "latest" cache), for
   * a read-modify-register of the contract.
   */
  Optional<ContractVersion> latestWithContract(String subject) throws RegistryException;

  /**
   * POST /subjects/{subject}/versions with {@code metadata} and {@code ruleSet}: both are part of a
   * version's identity, so the same schema with another ruleSet makes a new version.
   */
  RegisteredVersion registerWithContract(
      String subject, SchemaSubmission schema, DataContractFields contract)
      throws RegistryException;

  /**
   * The checkpoint API of the same registry ({@code /api/v1/checkpoints}), over this client's
   * connections and settings.
   */
  CheckpointClient checkpoints();

  /**
   * The drift-report API of the same registry ({@code /api/v1/drift-reports}), over this client's
   * connections and settings.
   */
  dev.schemagate.registry.client.drift.DriftClient drift();

  /**
   * The lineage API of the same registry, over this client's connections and settings; closing this
   * client closes it.
   */
  LineageClient lineage();

  /**
   * DELETE /subjects/{subject}/versions/{version} (soft; permanent only after a soft delete): the
   * version deleted, empty when the subject or version does not exist.
   */
  Optional<Integer> deleteVersion(String subject, int version, boolean permanent)
      throws RegistryException;

  @Override
  void close();
}
