package dev.schemagate.operator.contract;

import dev.schemagate.core.config.Settings;
import java.util.Optional;

/**
 * Where lineage lives and how schema fields are named in it.
 *
 * @param lineageUrl {@code SCHEMAGATE_LINEAGE_URL}: the registry whose lineage API holds the graph
 *     (declared consumers are written there, impact is read there); default {@code
 *     SCHEMAGATE_REGISTRY_URL}
 * @param namespace {@code SCHEMAGATE_LINEAGE_NAMESPACE}, default {@code kafka}: the OpenLineage
 *     namespace of the topics, so declared consumers meet the pipelines' events on the same column
 *     names ({@code kafka.orders.amount})
 * @param environment {@code SCHEMAGATE_ENVIRONMENT}: the environment this cluster runs (e.g. {@code
 *     prod}); declared consumers are recorded there, which a severity policy may weigh
 */
public record LineageSettings(String lineageUrl, String namespace, Optional<String> environment) {
  public static LineageSettings from(Settings env, String registryUrl) {
    return new LineageSettings(
        env.optional("SCHEMAGATE_LINEAGE_URL")
            .map(u -> env.url("SCHEMAGATE_LINEAGE_URL", u).toString())
            .orElse(registryUrl),
        env.text("SCHEMAGATE_LINEAGE_NAMESPACE", "kafka"),
        env.optional("SCHEMAGATE_ENVIRONMENT"));
  }
}
