package dev.schemagate.sdk.dlq;

/** What one poll did: records handed to the handler, and records sent to the dead-letter topic. */
public record PollSummary(int delivered, int deadLettered) {
  public static final PollSummary EMPTY = new PollSummary(0, 0);

  public int total() {
    return delivered + deadLettered;
  }
}
