package dev.schemagate.cli.check;

/**
 * An open-addressing set of 64-bit hashes: what {@code unique} remembers per value while a file
 * streams past, about 16 bytes a value instead of ~60 for a boxed set. Two distinct values share a
 * 64-bit hash with probability about n²/2⁶⁵ (≈ 3·10⁻⁶ for ten million values), which would show as
 * one false duplicate: accepted for a batch check, and said in the README.
 */
final class LongHashSet {
  private static final long EMPTY = 0L;
  private long[] slots = new long[1 << 12];
  private int size;
  private boolean hasZero;

  /** Adds {@code value}; false when it was already there. */
  boolean add(long value) {
    if (value == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (size * 2 >= slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int i = (int) mix(value) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = value;
    size++;
    return true;
  }

  /** Every value in the set, in no particular order. */
  void forEach(java.util.function.LongConsumer action) {
    if (hasZero) {
      action.accept(EMPTY);
    }
    for (long v : slots) {
      if (v != EMPTY) {
        action.accept(v);
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long v : old) {
      if (v != EMPTY) {
        int i = (int) mix(v) & mask;
        while (slots[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        slots[i] = v;
      }
    }
  }

  private static long mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }
}
