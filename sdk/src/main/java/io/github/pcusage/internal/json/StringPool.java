package io.github.pcusage.internal.json;

/**
 * A fixed table of strings that lets equal strings be shared: {@link #dedupe} returns the pooled
 * equal string when its slot holds one. It never grows. A new value takes its slot unless the
 * string there was asked for since it was pooled ("second chance"): then that string stays, loses
 * its mark, and the new value is returned unpooled. So when more distinct values pass than the pool
 * has slots, it keeps values that recur instead of replacing each with the next, and it does not
 * churn: replaced pool entries are what a generational GC handles worst (they live just long enough
 * to be copied and promoted). Concurrent use is safe: strings are immutable, and a lost race only
 * loses sharing.
 *
 * <p>The slot comes from a sampled hash (the length, the last 8 characters and at most 16 others,
 * evenly spaced), because a new string has no cached hash and hashing a long resource URI in full
 * costs more than the lookup saves; equality is still checked in full.
 */
final class StringPool {
  private final String[] table;

  /** Whether the string in a slot was asked for since it was pooled; racy on purpose. */
  private final boolean[] recurred;

  private final int mask;

  /** A pool of {@code slots} slots, a power of two. */
  StringPool(int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    this.table = new String[slots];
    this.recurred = new boolean[slots];
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
    int slot = slot(value, n) & mask;
    String cached = table[slot];
    if (cached != null) {
      if (cached.equals(value)) {
        if (!recurred[slot]) {
          recurred[slot] = true;
        }
        return cached;
      }
      if (recurred[slot]) {
        recurred[slot] = false;
        return value;
      }
    }
    table[slot] = value;
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
