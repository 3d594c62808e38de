package dev.schemagate.sdk.dlq;

import dev.schemagate.sdk.SerdeException;
import dev.schemagate.sdk.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a dead-lettered record. Values are UTF-8 text so that any tool can read them; the
 * record's own headers are kept, and the original key and value bytes are not touched.
 */
public final class DlqHeaders {
  public static final String PREFIX = "schemagate.dlq.";
  public static final String ERROR_CLASS = PREFIX + "error.class";
  public static final String ERROR_MESSAGE = PREFIX + "error.message";
  public static final String ERROR_REASON = PREFIX + "error.reason";
  public static final String FIELD_PATH = PREFIX + "field.path";
  public static final String RULE = PREFIX + "rule";
  public static final String SCHEMA_ID = PREFIX + "schema.id";
  public static final String ORIGINAL_TOPIC = PREFIX + "original.topic";
  public static final String ORIGINAL_PARTITION = PREFIX + "original.partition";
  public static final String ORIGINAL_OFFSET = PREFIX + "original.offset";
  public static final String ORIGINAL_TIMESTAMP = PREFIX + "original.timestamp";

  /** Set by the replayer on the records it re-sends: {@code <dlq topic>/<partition>/<offset>}. */
  public static final String REPLAYED_FROM = "schemagate.replayed.from";

  private static final int MAX_MESSAGE_CHARS = 2_000;

  private DlqHeaders() {}

  static Headers describe(ConsumerRecord<byte[], byte[]> record, Throwable error) {
    var headers = new RecordHeaders(record.headers().toArray());
    put(headers, ERROR_CLASS, error.getClass().getName());
    String message = String.valueOf(error.getMessage());
    put(
        headers,
        ERROR_MESSAGE,
        message.length() > MAX_MESSAGE_CHARS
            ? message.substring(0, MAX_MESSAGE_CHARS) + "..."
            : message);
    OptionalInt schemaId = WireFormat.peekSchemaId(record.value());
    if (error instanceof SerdeException serde) {
      put(headers, ERROR_REASON, serde.reason().name());
      serde
          .violation()
          .ifPresent(
              v -> {
                put(headers, FIELD_PATH, v.path());
                put(headers, RULE, v.rule());
              });
      if (serde.schemaId().isPresent()) {
        schemaId = serde.schemaId();
      }
    }
    schemaId.ifPresent(id -> put(headers, SCHEMA_ID, Integer.toString(id)));
    put(headers, ORIGINAL_TOPIC, record.topic());
    put(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
    put(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
    put(headers, ORIGINAL_TIMESTAMP, Long.toString(record.timestamp()));
    return headers;
  }

  /** The last value of a header as text. */
  public static Optional<String> text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  /** The record's headers without ours: what the original producer sent. */
  static Headers original(Headers headers) {
    var kept = new RecordHeaders();
    for (Header header : headers) {
      if (!header.key().startsWith(PREFIX) && !header.key().equals(REPLAYED_FROM)) {
        kept.add(header);
      }
    }
    return kept;
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
