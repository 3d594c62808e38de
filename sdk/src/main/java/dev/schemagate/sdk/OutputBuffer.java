package dev.schemagate.sdk;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that is reset, not reallocated, between records (one per thread), so a
 * serializer's only per-record allocation is the byte[] it hands to Kafka.
 */
public final class OutputBuffer extends OutputStream {
  private static final ThreadLocal<OutputBuffer> PER_THREAD =
      ThreadLocal.withInitial(OutputBuffer::new);

  private byte[] bytes = new byte[1024];
  private int count;

  /** This thread's buffer, emptied, with room for the wire-format header reserved. */
  public static OutputBuffer forRecord(int schemaId) {
    OutputBuffer buffer = PER_THREAD.get();
    buffer.count = WireFormat.HEADER_SIZE;
    WireFormat.writeHeader(buffer.bytes, 0, schemaId);
    return buffer;
  }

  @Override
  public void write(int b) {
    ensure(count + 1);
    bytes[count++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(count + length);
    System.arraycopy(source, offset, bytes, count, length);
    count += length;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, count);
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }
}
