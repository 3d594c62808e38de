package dev.schemagate.sdk.dlq;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one record that deserialized and met its contract. Throw {@link RejectedRecord} to send
 * this record to the dead-letter topic; any other exception stops the batch uncommitted (it is
 * delivered again).
 */
@FunctionalInterface
public interface RecordHandler<K, V> {
  void handle(ConsumerRecord<K, V> record) throws Exception;

  /** The handler's verdict that a record breaks its contract: it goes to the dead-letter topic. */
  class RejectedRecord extends Exception {
    public RejectedRecord(String message) {
      super(message);
    }

    public RejectedRecord(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
