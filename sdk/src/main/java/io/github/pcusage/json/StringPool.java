package io.github.pcusage.json;

/**
 * A fixed table of strings that lets equal strings be shared: {@link #dedupe} returns the pooled
 * equal string when one of the two slots of its set holds one, else pools the given one there. It
 * never grows; a new value takes an empty slot of its set or replaces one of the two (in turn).
 * Two slots per set keep two frequent values that hash alike from evicting each other, and evicted
 * values are what a generational GC handles worst (they live long enough to be promoted). Concurrent
 * use is safe: strings are immutable, and a lost race only loses sharing.
 *
 * <p>The slot comes from a sampled hash (the length, the last 8 characters and at most 16 others,
 * evenly spaced), because a new string has no cached hash and hashing a long resource URI in full
 * costs more than the lookup saves; equality is still checked in full.
 */
final class StringPool {
  private final String[] table;
  private final int mask;
  /** Which slot of a full set the next new value replaces; racy on purpose (any value is fine). */
  private int victim;

  /** A pool of {@code slots} slots, a power of two (at least 2). */
  StringPool(int slots) {
    if (Integer.bitCount(slots) != 1 || slots < 2) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    this.table = new String[slots];
    this.mask = slots - 1;
  }

  String dedupe(String value) {
    if (value == null) {
      return null;
    }
    int n = value.length();
    if (n == 0) {
      return "";
    }
    int set = slot(value, n) & mask & ~1;
    String first = table[set];
    if (first != null && first.equals(value)) {
      return first;
    }
    String second = table[set + 1];
    if (second != null && second.equals(value)) {
      return second;
    }
    table[first == null ? set : second == null ? set + 1 : set + (victim ^= 1)] = value;
    return value;
  }

  static int slot(String s, int n) {
    int h = n;
    int tail = Math.min(n, 8);
    for (int i = n - tail; i < n; i++) {
      h = 31 * h + s.charAt(i);
    }
    int rest = n - tail;
    int step = rest / 16 + 1;
    for (int i = 0; i < rest; i += step) {
      h = 31 * h + s.charAt(i);
    }
    return h ^ (h >>> 16);
  }
}
