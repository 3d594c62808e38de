package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * A declared consumer of the data; each becomes a lineage edge from the fields it uses.
 *
 * @param owner the team that owns the consumer and must approve risky promotions
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Consumer(
    @Required String name,
    @Required ConsumerKind kind,
    List<String> fields,
    @Default("medium") Criticality criticality,
    String owner) {}
