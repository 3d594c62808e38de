package dev.schemagate.sdk;

import dev.schemagate.sdk.SerdeException.Reason;

/**
 * Confluent's wire format: magic byte {@code 0}, the schema id as a 4-byte big-endian int, then the
 * payload (Avro binary, or JSON text).
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Writes the 5-byte header into {@code target} at {@code offset}. */
  public static void writeHeader(byte[] target, int offset, int schemaId) {
    target[offset] = MAGIC_BYTE;
    target[offset + 1] = (byte) (schemaId >>> 24);
    target[offset + 2] = (byte) (schemaId >>> 16);
    target[offset + 3] = (byte) (schemaId >>> 8);
    target[offset + 4] = (byte) schemaId;
  }

  /** The schema id of a record in the wire format, or a MALFORMED exception saying why not. */
  public static int schemaId(byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerdeException(
          Reason.MALFORMED,
          "record of %d bytes is too short for the Confluent wire format (magic byte + 4-byte schema id)"
              .formatted(data.length));
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerdeException(
          Reason.MALFORMED,
          "unknown magic byte 0x%02x: not the Confluent wire format (expected 0x00)"
              .formatted(data[0]));
    }
    return ((data[1] & 0xff) << 24)
        | ((data[2] & 0xff) << 16)
        | ((data[3] & 0xff) << 8)
        | (data[4] & 0xff);
  }

  /** Like {@link #schemaId(byte[])}, but empty instead of an exception (for DLQ headers). */
  public static java.util.OptionalInt peekSchemaId(byte[] data) {
    if (data == null || data.length < HEADER_SIZE || data[0] != MAGIC_BYTE) {
      return java.util.OptionalInt.empty();
    }
    return java.util.OptionalInt.of(schemaId(data));
  }
}
