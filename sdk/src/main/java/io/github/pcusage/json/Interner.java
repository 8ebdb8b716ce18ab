package io.github.pcusage.json;

/**
 * A small, bounded pool that lets records share equal immutable model objects: the same meter
 * ({@code AzureResource}), the same resource instance ({@code AzureInstanceData}) and the same
 * attributes come back in record after record, and a listing then holds each once instead of once per
 * record. Used by the adapters generated for schemas marked {@code x-intern} in the spec, whose models
 * are immutable and compare by value; their fields are mostly pooled strings, whose hash is cached,
 * so the lookup is cheap.
 *
 * <p>The pool is a fixed table of 16384 slots in sets of two; a new value takes an empty slot of its
 * set or replaces one of the two, so it never grows (see {@link StringPool} for why two). Concurrent
 * use is safe: the models are immutable (final fields), and a lost race only loses sharing.
 */
public final class Interner {
  private static final int SLOTS = Integer.getInteger("xp.intern", 16384);
  private static final Object[] TABLE = new Object[SLOTS];
  /** Which slot of a full set the next new value replaces; racy on purpose (any value is fine). */
  private static int victim;

  private Interner() {}

  /**
   * Returns a pooled object equal to {@code value}, or {@code value} itself after pooling it.
   *
   * @param value an immutable value object; may be {@code null}
   * @param <T> its type
   * @return an equal object, or {@code null} for {@code null}
   */
  @SuppressWarnings("unchecked")
  public static <T> T intern(T value) {
    if (value == null) {
      return null;
    }
    int hash = value.hashCode();
    int set = (hash ^ (hash >>> 16)) & (SLOTS - 2);
    Object first = TABLE[set];
    if (first != null && first.getClass() == value.getClass() && first.equals(value)) {
      return (T) first;
    }
    Object second = TABLE[set + 1];
    if (second != null && second.getClass() == value.getClass() && second.equals(value)) {
      return (T) second;
    }
    TABLE[first == null ? set : second == null ? set + 1 : set + (victim ^= 1)] = value;
    return value;
  }
}
