package dev.schemagate.registry.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schemagate.registry.server.RouteGroup;
import dev.schemagate.registry.server.ServerContext;
import dev.schemagate.registry.server.registry.ConfigService;
import dev.schemagate.registry.server.registry.ConfigUpdate;
import dev.schemagate.registry.server.registry.ConfigView;
import dev.schemagate.registry.server.registry.RegistryServerException;
import dev.schemagate.registry.server.registry.RegistryServerException.Reason;
import dev.schemagate.registry.server.registry.contract.ContractConfig;
import dev.schemagate.registry.server.registry.contract.ContractJson;
import dev.schemagate.registry.server.registry.contract.InvalidRuleSetException;
import dev.schemagate.registry.server.storage.ContractRepository.Field;
import dev.schemagate.registry.server.storage.SubjectRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /config}: compatibility levels and data-contract defaults/overrides, global and per
 * subject. Reads answer {@code compatibilityLevel}, updates {@code compatibility}, as Confluent.
 */
public final class ConfigRoutes implements RouteGroup {
  private final ConfigService configs;
  private final ObjectMapper json;

  public ConfigRoutes(ServerContext context) {
    this.configs = new ConfigService(context.database(), new SubjectRepository());
    this.json = context.json();
  }

  @Override
  public void addRoutes(RoutesConfig routes) {
    routes.get("/config", ctx -> send(ctx, configs.global(), "compatibilityLevel"));
    routes.put(
        "/config",
        ctx -> send(ctx, configs.update(Optional.empty(), update(ctx)), "compatibility"));
    routes.delete("/config", ctx -> send(ctx, configs.resetGlobal(), "compatibilityLevel"));
    routes.get(
        "/config/{subject}",
        ctx ->
            send(
                ctx,
                configs.subject(ctx.pathParam("subject"), Wire.flag(ctx, "defaultToGlobal")),
                "compatibilityLevel"));
    routes.put(
        "/config/{subject}",
        ctx ->
            send(
                ctx,
                configs.update(Optional.of(ctx.pathParam("subject")), update(ctx)),
                "compatibility"));
    routes.delete(
        "/config/{subject}",
        ctx -> send(ctx, configs.deleteSubject(ctx.pathParam("subject")), "compatibilityLevel"));
  }

  /**
   * Confluent's update body names the level {@code compatibility}; its clients' shared config type
   * also has {@code compatibilityLevel}, which is honoured as the level it names (Confluent's
   * server ignores it). Naming two different levels is refused.
   */
  private ConfigUpdate update(Context ctx) {
    JsonNode body = Wire.body(ctx, json);
    refuseUnsupported(body);
    Optional<String> compatibility = text(body, "compatibility");
    Optional<String> compatibilityLevel = text(body, "compatibilityLevel");
    if (compatibility.isPresent()
        && compatibilityLevel.isPresent()
        && !compatibility.get().equalsIgnoreCase(compatibilityLevel.get())) {
      throw new RegistryServerException(
          Reason.INVALID_COMPATIBILITY_LEVEL,
          "Invalid compatibility level: \"compatibility\" is "
              + compatibility.get()
              + " but \"compatibilityLevel\" is "
              + compatibilityLevel.get()
              + "; send one of them");
    }
    Map<Field, Optional<String>> contract = new EnumMap<>(Field.class);
    try {
      for (Field field : Field.values()) {
        if (!body.has(field.jsonName())) {
          continue;
        }
        Optional<?> value =
            field == Field.DEFAULT_METADATA || field == Field.OVERRIDE_METADATA
                ? ContractJson.metadata(body, field.jsonName())
                : ContractJson.ruleSet(body, field.jsonName());
        contract.put(field, value.map(ContractJson::write));
      }
    } catch (InvalidRuleSetException e) {
      throw RegistryServerException.invalidRuleSet(e.getMessage());
    }
    return new ConfigUpdate(compatibility.or(() -> compatibilityLevel), contract);
  }

  /**
   * Confluent config keys this registry does not implement, with what it does instead. Refused (422
   * naming the key) rather than stored and ignored: a client setting one must not believe it took
   * effect. {@code normalize: false} is what the registry does anyway, so it passes.
   */
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "normalize",
          "schemas are normalised only when a registration or lookup asks with ?normalize=true",
          "validateFields",
          "field names are checked as the schema's own format defines, not by a config switch",
          "compatibilityGroup",
          "compatibility is checked against the subject's versions without grouping them by a"
              + " metadata property");

  private static void refuseUnsupported(JsonNode body) {
    for (String key : new java.util.TreeSet<>(UNSUPPORTED.keySet())) {
      JsonNode value = body.get(key);
      if (value == null
          || value.isNull()
          || (key.equals("normalize") && value.isBoolean() && !value.booleanValue())) {
        continue;
      }
      throw new RegistryServerException(
          Reason.INVALID_COMPATIBILITY_LEVEL,
          "The config key \""
              + key
              + "\" is not supported by this registry ("
              + UNSUPPORTED.get(key)
              + "); leave it out of the update");
    }
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private void send(Context ctx, ConfigView view, String levelKey) {
    ObjectNode node = json.createObjectNode();
    view.compatibility().ifPresent(level -> node.put(levelKey, level.name()));
    ContractConfig contract = view.contract();
    contract.defaultMetadata().ifPresent(m -> node.set("defaultMetadata", ContractJson.tree(m)));
    contract.overrideMetadata().ifPresent(m -> node.set("overrideMetadata", ContractJson.tree(m)));
    contract.defaultRuleSet().ifPresent(r -> node.set("defaultRuleSet", ContractJson.tree(r)));
    contract.overrideRuleSet().ifPresent(r -> node.set("overrideRuleSet", ContractJson.tree(r)));
    Wire.send(ctx, json, node);
  }
}
