package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.cache.ResponseCache;
import dev.schemagate.registry.server.registry.RegistrationResult;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.RegistryService;
import dev.schemagate.registry.server.registry.SchemaListing;
import dev.schemagate.registry.server.registry.SchemaSubmission;
import dev.schemagate.registry.server.registry.SubjectVersion;
import dev.schemagate.registry.server.registry.VersionSelector;
import dev.schemagate.registry.server.security.AccessControl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /subjects}: register, look up, list, read and delete versions. */
public final class SubjectRoutes implements RouteGroup {
  private final RegistryService registry;
  private final ResponseCache cache;
  private final ObjectMapper json;
  private final SchemaListing listing;

  public SubjectRoutes(ServerContext context) {
    this.listing = new SchemaListing(context.database());
    this.registry = context.registry();
    this.cache = context.cache();
    this.json = context.json();
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/subjects", this::listSubjects);
    routes.get("/subjects/{subject}/versions", this::listVersions);
    routes.post("/subjects/{subject}/versions", this::register);
    routes.get("/subjects/{subject}/versions/{version}", this::getVersion);
    routes.get("/subjects/{subject}/versions/{version}/schema", this::getRawSchema);
    routes.get("/subjects/{subject}/versions/{version}/referencedby", this::referencedBy);
    routes.get("/subjects/{subject}/metadata", this::latestWithMetadata);
    routes.post("/subjects/{subject}", this::lookup);
    routes.delete("/subjects/{subject}", this::deleteSubject);
    routes.delete("/subjects/{subject}/versions/{version}", this::deleteVersion);
  }

  private void listSubjects(Context ctx) {
    String prefix = Objects.requireNonNullElse(ctx.queryParam("subjectPrefix"), "");
    List<String> subjects =
        deletedOnly(ctx)
            ? registry.softDeletedSubjects(prefix)
            : registry.subjects(Wire.flag(ctx, "deleted"), prefix);
    Wire.send(ctx, json, page(ctx, AccessControl.readable(ctx, subjects)));
  }

  private void listVersions(Context ctx) {
    Wire.send(
        ctx,
        json,
        page(
            ctx,
            registry.versions(
                ctx.pathParam("subject"), Wire.flag(ctx, "deleted"), deletedOnly(ctx))));
  }

  /**
   * Confluent's {@code deletedOnly}; Confluent's Python client spells it {@code deleted_only}
   * (which Confluent's server ignores, answering live subjects to a question about deleted ones).
   */
  private static boolean deletedOnly(Context ctx) {
    return Wire.flag(ctx, "deletedOnly") || Wire.flag(ctx, "deleted_only");
  }

  /** Confluent's {@code offset} and {@code limit} on listings (a negative limit means all). */
  private static <T> List<T> page(Context ctx, List<T> all) {
    int offset = Wire.intParam(ctx, "offset", 0);
    int limit = Wire.intParam(ctx, "limit", -1);
    if (offset < 0) {
      throw RegistryServerException.malformed("offset must be 0 or more, got " + offset);
    }
    return all.stream().skip(offset).limit(limit < 0 ? Long.MAX_VALUE : limit).toList();
  }

  private void register(Context ctx) {
    String subject = ctx.pathParam("subject");
    SchemaSubmission submission = SubmissionReader.read(ctx, json);
    RegistrationResult result = registry.register(subject, submission, Wire.flag(ctx, "normalize"));
    // Confluent answers with the version and the contract it ended with (defaults applied).
    ObjectNode body =
        json.createObjectNode().put("id", result.id()).put("version", result.version());
    Wire.addContract(body, result.contract());
    Wire.send(ctx, json, body);
  }

  private void getVersion(Context ctx) {
    String subject = ctx.pathParam("subject");
    VersionSelector selector = VersionSelector.parse(ctx.pathParam("version"));
    boolean deleted = Wire.flag(ctx, "deleted");
    if (selector instanceof VersionSelector.Latest && !deleted) {
      // The hot path: pre-serialised bytes, invalidated by every write to the subject.
      Wire.send(
          ctx,
          200,
          cache.latest(
              subject,
              () ->
                  Wire.bytes(
                      json, Wire.version(json, registry.version(subject, selector, false)))));
      return;
    }
    Wire.send(ctx, json, Wire.version(json, registry.version(subject, selector, deleted)));
  }

  private void getRawSchema(Context ctx) {
    SubjectVersion version =
        registry.version(
            ctx.pathParam("subject"),
            VersionSelector.parse(ctx.pathParam("version")),
            Wire.flag(ctx, "deleted"));
    Wire.send(ctx, 200, version.schema().schema().getBytes(StandardCharsets.UTF_8));
  }

  private void referencedBy(Context ctx) {
    Wire.send(
        ctx,
        json,
        registry.referencedBy(
            ctx.pathParam("subject"), VersionSelector.parse(ctx.pathParam("version"))));
  }

  /** {@code ?key=k1&value=v1&key=k2&value=v2}: pairs by position, as Confluent reads them. */
  private void latestWithMetadata(Context ctx) {
    List<String> keys = ctx.queryParams("key");
    List<String> values = ctx.queryParams("value");
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      properties.put(keys.get(i), values.get(i));
    }
    SubjectVersion found =
        listing.latestWithMetadata(ctx.pathParam("subject"), properties, Wire.flag(ctx, "deleted"));
    Wire.send(ctx, json, Wire.version(json, found));
  }

  private void lookup(Context ctx) {
    String subject = ctx.pathParam("subject");
    SchemaSubmission submission = SubmissionReader.read(ctx, json);
    SubjectVersion found = registry.lookup(subject, submission, Wire.flag(ctx, "deleted"));
    Wire.send(ctx, json, Wire.version(json, found));
  }

  private void deleteSubject(Context ctx) {
    Wire.send(
        ctx, json, registry.deleteSubject(ctx.pathParam("subject"), Wire.flag(ctx, "permanent")));
  }

  private void deleteVersion(Context ctx) {
    Wire.send(
        ctx,
        json,
        registry.deleteVersion(
            ctx.pathParam("subject"),
            VersionSelector.parse(ctx.pathParam("version")),
            Wire.flag(ctx, "permanent")));
  }
}
