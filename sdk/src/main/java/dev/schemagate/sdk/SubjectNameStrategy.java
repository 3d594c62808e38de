package dev.schemagate.sdk;

import java.util.Locale;
import java.util.Optional;

/** Confluent's three subject naming strategies. */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}: one schema line per topic. */
  TOPIC,
  /** The record's full name: one schema line per record type, across topics. */
  RECORD,
  /** {@code <topic>-<record full name>}: several record types per topic. */
  TOPIC_RECORD;

  public String subject(String topic, boolean isKey, String recordName) {
    return switch (this) {
      case TOPIC -> topic + (isKey ? "-key" : "-value");
      case RECORD -> requireName(recordName);
      case TOPIC_RECORD -> topic + "-" + requireName(recordName);
    };
  }

  /**
   * Whether the subject depends on the record type (so it must be known to compute the subject).
   */
  public boolean needsRecordName() {
    return this != TOPIC;
  }

  private String requireName(String recordName) {
    if (recordName == null || recordName.isBlank()) {
      throw new SerdeException(
          SerdeException.Reason.UNSUPPORTED_TYPE,
          "subject strategy %s needs a record name (an Avro named type, or a JSON Schema 'title')"
              .formatted(this));
    }
    return recordName;
  }

  /**
   * Accepts our names ({@code topic}, {@code record}, {@code topic-record}) and Confluent's class
   * names ({@code io.confluent...TopicNameStrategy}, {@code RecordNameStrategy}, {@code
   * TopicRecordNameStrategy}).
   */
  public static Optional<SubjectNameStrategy> parse(String text) {
    String name = text.strip();
    name = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (name) {
      case "topic", "topicnamestrategy" -> Optional.of(TOPIC);
      case "record", "recordnamestrategy" -> Optional.of(RECORD);
      case "topic-record", "topic_record", "topicrecordnamestrategy" -> Optional.of(TOPIC_RECORD);
      default -> Optional.empty();
    };
  }
}
