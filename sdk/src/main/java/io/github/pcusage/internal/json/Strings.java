package io.github.pcusage.internal.json;

/**
 * A small, bounded pool that lets records share equal strings (categories, regions, units,
 * locations, meter ids): a listing of a million records then holds each such value once instead of
 * a million times. Backs the adapters generated for fields marked {@code x-dedupe} in the spec
 * (through {@link LearnedStrings}, for values they have not learned).
 *
 * <p>The pool is a fixed table of 4096 slots ({@link StringPool}: it never grows, and keeps the
 * values that recur). Concurrent use is safe: strings are immutable, and a lost race only loses
 * sharing.
 */
public final class Strings {
  static final StringPool FIELDS = new StringPool(4096);

  private Strings() {}

  /**
   * Returns a pooled string equal to {@code value}, or {@code value} itself after pooling it.
   *
   * @param value the string; may be {@code null}
   * @return an equal string, or {@code null} for {@code null}
   */
  public static String dedupe(String value) {
    return FIELDS.dedupe(value);
  }
}
