package io.github.pcusage.json;

/**
 * A small, bounded pool that lets records share equal strings (categories, regions, units,
 * locations, meter ids): a listing of a million records then holds each such value once instead of
 * a million times. Used by the adapters generated for fields marked {@code x-dedupe} in the spec.
 *
 * <p>The pool is a fixed table of 4096 slots; a new value replaces an older one in its slot, so it
 * never grows. Concurrent use is safe: strings are immutable, and a lost race only loses sharing.
 */
public final class Strings {
  private static final int SLOTS = 4096;
  private static final String[] TABLE = new String[SLOTS];

  private Strings() {}

  /**
   * Returns a pooled string equal to {@code value}, or {@code value} itself after pooling it.
   *
   * @param value the string; may be {@code null}
   * @return an equal string, or {@code null} for {@code null}
   */
  public static String dedupe(String value) {
    if (value == null) {
      return null;
    }
    int hash = value.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = TABLE[slot];
    if (cached != null && cached.hashCode() == hash && cached.equals(value)) {
      return cached;
    }
    TABLE[slot] = value;
    return value;
  }
}
