package dev.schemagate.operator.contract;

import java.util.Optional;

/**
 * How a schema's fields are named in the lineage graph: {@code namespace.dataset.field}, the
 * dataset being the Kafka topic. The topic is the contract's {@code enforcement.kafkaTopic}, else
 * the subject under Confluent's TopicNameStrategy ({@code orders-value} is topic {@code orders}).
 */
public final class LineageColumns {
  private LineageColumns() {}

  public static String dataset(String subject, Optional<String> kafkaTopic) {
    return kafkaTopic
        .filter(t -> !t.isBlank())
        .orElseGet(
            () ->
                subject.endsWith("-value") || subject.endsWith("-key")
                    ? subject.substring(0, subject.lastIndexOf('-'))
                    : subject);
  }

  public static String column(String namespace, String dataset, String field) {
    return namespace + "." + dataset + "." + field;
  }
}
