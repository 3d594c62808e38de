package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.cache.ResponseCache;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.RegistryService;
import dev.schemagate.registry.server.registry.SchemaListing;
import dev.schemagate.registry.server.registry.StoredSchema;
import dev.schemagate.registry.server.security.AccessControl;
import dev.schemagate.registry.server.storage.SchemaRepository.SubjectVersionRef;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code /schemas}: by global id, by fingerprint (extension), and the supported types. */
public final class SchemaRoutes implements RouteGroup {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  private final RegistryService registry;
  private final ResponseCache cache;
  private final ObjectMapper json;
  private final SchemaListing listing;

  public SchemaRoutes(ServerContext context) {
    this.listing = new SchemaListing(context.database());
    this.registry = context.registry();
    this.cache = context.cache();
    this.json = context.json();
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/schemas", this::listSchemas);
    routes.get("/schemas/ids/{id}", this::byId);
    routes.get("/schemas/ids/{id}/schema", this::rawById);
    routes.get("/schemas/ids/{id}/subjects", this::subjectsOfId);
    routes.get("/schemas/ids/{id}/versions", this::versionsOfId);
    routes.get("/schemas/types", ctx -> Wire.send(ctx, json, types()));
    routes.get("/schemas/fingerprint/{fingerprint}", this::byFingerprint);
    routes.get("/contexts", ctx -> Wire.send(ctx, json, List.of(".")));
    routes.get("/", ctx -> Wire.send(ctx, json, json.createObjectNode()));
  }

  /**
   * Confluent's {@code GET /schemas}: subjectPrefix, deleted, latestOnly, ruleType, offset, limit.
   */
  private void listSchemas(Context ctx) {
    ArrayNode out = json.createArrayNode();
    listing
        .schemas(
            Objects.requireNonNullElse(ctx.queryParam("subjectPrefix"), ""),
            Wire.flag(ctx, "deleted"),
            Wire.flag(ctx, "latestOnly"),
            Optional.ofNullable(ctx.queryParam("ruleType")).filter(t -> !t.isEmpty()),
            Wire.intParam(ctx, "offset", 0),
            Wire.intParam(ctx, "limit", -1),
            AccessControl.readsEverySubject(ctx)
                ? Optional.empty()
                : Optional.of(subject -> AccessControl.mayRead(ctx, subject)))
        .forEach(v -> out.add(Wire.version(json, v)));
    Wire.send(ctx, json, out);
  }

  private static List<String> types() {
    return Arrays.stream(SchemaFormat.values()).map(SchemaFormat::name).toList();
  }

  private void byId(Context ctx) {
    int id = id(ctx);
    requireReadable(ctx, id);
    // The deserializer's hot path; query parameters (subject, fetchMaxId) do not change the body.
    Wire.send(
        ctx,
        200,
        cache.schemaById(id, () -> Wire.bytes(json, Wire.schema(json, registry.schemaById(id)))));
  }

  private void rawById(Context ctx) {
    int id = id(ctx);
    requireReadable(ctx, id);
    Wire.send(ctx, 200, registry.schemaById(id).schema().getBytes(StandardCharsets.UTF_8));
  }

  private void subjectsOfId(Context ctx) {
    List<String> subjects =
        readableVersionsOf(ctx, id(ctx), Wire.flag(ctx, "deleted")).stream()
            .map(SubjectVersionRef::subject)
            .distinct()
            .toList();
    Wire.send(ctx, json, subjects);
  }

  private void versionsOfId(Context ctx) {
    Wire.send(ctx, json, readableVersionsOf(ctx, id(ctx), Wire.flag(ctx, "deleted")));
  }

  /**
   * With authentication on, a schema is shown only to a principal who may read a subject holding it
   * (soft-deleted versions count: the deserializer of old records still needs the schema).
   */
  private void requireReadable(Context ctx, int id) {
    if (!AccessControl.readsEverySubject(ctx)) {
      readableVersionsOf(ctx, id, true);
    }
  }

  /** The versions holding the schema whose subject the principal may read; 403 when none. */
  private List<SubjectVersionRef> readableVersionsOf(Context ctx, int id, boolean deleted) {
    List<SubjectVersionRef> shown = registry.versionsOfSchema(id, deleted);
    if (AccessControl.readsEverySubject(ctx)) {
      return shown;
    }
    List<SubjectVersionRef> all = deleted ? shown : registry.versionsOfSchema(id, true);
    if (all.stream().noneMatch(v -> AccessControl.mayRead(ctx, v.subject()))) {
      throw AccessControl.schemaDenied(
          ctx, "schema id " + id + ": no subject it may read holds that schema");
    }
    return shown.stream().filter(v -> AccessControl.mayRead(ctx, v.subject())).toList();
  }

  private void byFingerprint(Context ctx) {
    String raw = ctx.pathParam("fingerprint").toLowerCase(Locale.ROOT);
    String hex = raw.startsWith("sha256:") ? raw.substring("sha256:".length()) : raw;
    if (!HEX.matcher(hex).matches()) {
      throw RegistryServerException.malformed(
          "A fingerprint is 'sha256:' followed by 64 hex digits, got '"
              + ctx.pathParam("fingerprint")
              + "'");
    }
    String fingerprint = "sha256:" + hex;
    if (!AccessControl.readsEverySubject(ctx)) {
      requireReadable(ctx, registry.schemaByFingerprint(fingerprint).id());
    }
    Wire.send(
        ctx,
        200,
        cache.schemaByFingerprint(
            fingerprint,
            () -> {
              StoredSchema schema = registry.schemaByFingerprint(fingerprint);
              ObjectNode node = json.createObjectNode();
              node.put("id", schema.id());
              node.put("fingerprint", schema.fingerprint());
              node.setAll(Wire.schema(json, schema));
              return Wire.bytes(json, node);
            }));
  }

  private static int id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new RegistryServerException(
          RegistryServerException.Reason.SCHEMA_NOT_FOUND,
          "Schema " + text + " not found: a schema id is a positive integer");
    }
  }
}
