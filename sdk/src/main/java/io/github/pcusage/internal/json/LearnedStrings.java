package io.github.pcusage.internal.json;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the values of one string field that takes few distinct values (a unit, a category, a
 * region, a meter id, a map key), without allocating once it has seen them: it learns the first
 * {@code capacity} distinct values and matches the next ones in the JSON bytes with {@link
 * JsonReader#selectString} ({@link JsonReader#selectName} for names), which returns the learned
 * string itself. Other values (and values holding surrogates, which are never learned) are read as
 * usual and shared through a {@link StringPool}. A field that turns out to take many values (most
 * reads miss) stops trying to match, as a miss costs more than a plain read.
 *
 * <p>Used by the adapters generated for fields marked {@code x-dedupe} in the spec and by the SDK's
 * map adapter. Thread-safe: the learned values are an immutable snapshot behind a volatile field;
 * the hit counters are racy on purpose (they only steer the heuristic).
 */
public final class LearnedStrings {
  /** Reads between two looks at the hit rate. */
  private static final int TRIAL = 4096;

  private final int capacity;
  private final StringPool pool;
  private volatile Learned learned = Learned.NONE;
  private volatile boolean matching = true;
  private int reads;
  private int hits;

  /**
   * Learns up to 64 values and pools the others with the shared field pool of {@link Strings}.
   *
   * @return a new instance, one per field
   */
  public static LearnedStrings forField() {
    return new LearnedStrings(64, Strings.FIELDS);
  }

  LearnedStrings(int capacity, StringPool pool) {
    this.capacity = capacity;
    this.pool = pool;
  }

  /**
   * Reads the next value, a string (or a number, as its text) or null.
   *
   * @param reader the reader, before the value
   * @return the value, a shared instance when possible; {@code null} for JSON null
   * @throws IOException if the reader fails
   */
  public String read(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    Learned known = learned;
    if (matching && known.values.length > 0) {
      int index = reader.selectString(known.options);
      if (count(index >= 0)) {
        return known.values[index];
      }
    }
    return learn(reader.nextString(), known);
  }

  /**
   * Reads the next name of an object.
   *
   * @param reader the reader, before the name
   * @return the name, a shared instance when possible
   * @throws IOException if the reader fails
   */
  public String readName(JsonReader reader) throws IOException {
    Learned known = learned;
    if (matching && known.values.length > 0) {
      int index = reader.selectName(known.options);
      if (count(index >= 0)) {
        return known.values[index];
      }
    }
    return learn(reader.nextName(), known);
  }

  private boolean count(boolean hit) {
    if (hit) {
      hits++;
    }
    if (++reads >= TRIAL) {
      if (hits < reads / 2 && learned.values.length >= capacity) {
        matching = false;
      }
      reads = 0;
      hits = 0;
    }
    return hit;
  }

  private String learn(String value, Learned known) {
    if (known.values.length >= capacity || value.length() > 256 || !encodesExactly(value)) {
      return pool.dedupe(value);
    }
    for (String seen : known.values) {
      if (seen.equals(value)) {
        return seen; // sent escaped differently from how the options spell it
      }
    }
    String shared = pool.dedupe(value);
    synchronized (this) {
      Learned now = learned;
      if (now == known) {
        String[] values = Arrays.copyOf(now.values, now.values.length + 1);
        values[values.length - 1] = shared;
        learned = new Learned(values);
      }
    }
    return shared;
  }

  /**
   * Whether the value's UTF-8 bytes name it alone. A lone surrogate (which JSON's {@code \uD800}
   * escapes can carry) is written as {@code ?}, so an option made of it would match a real {@code
   * "?"}: such values are never learned.
   */
  static boolean encodesExactly(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isSurrogate(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The values learned so far and their options; immutable. */
  private static final class Learned {
    static final Learned NONE = new Learned(new String[0]);

    final String[] values;
    final JsonReader.Options options;

    Learned(String[] values) {
      this.values = values;
      this.options = JsonReader.Options.of(values);
    }
  }
}
