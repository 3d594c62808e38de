package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;

/**
 * Service levels the producer promises.
 *
 * @param freshness maximum age of the newest record, as a duration (e.g. {@code 15m}, {@code 1h})
 * @param availability e.g. {@code 99.9%}
 * @param p95Latency end-to-end latency at the 95th percentile, as a duration (e.g. {@code 500ms})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sla(
    @Pattern("^[0-9]+(ms|s|m|h|d)$") String freshness,
    @Pattern("^[0-9]{1,3}(\\.[0-9]+)?%$") String availability,
    @Pattern("^[0-9]+(ms|s|m|h|d)$") String p95Latency) {}
