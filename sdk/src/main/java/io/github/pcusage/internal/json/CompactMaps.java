package io.github.pcusage.internal.json;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable, insertion-ordered copies of the models' maps, compact when small. Used by the
 * generated models (every map a model returns comes from {@link #copyOf}) and by the SDK's map
 * adapter; not meant for other callers.
 */
public final class CompactMaps {
  /** Maps up to this size are stored compactly (looked up by a scan); larger ones are hashed. */
  static final int MAX_COMPACT = 16;

  private CompactMaps() {}

  /**
   * Returns an unmodifiable map with the entries of {@code map} in its iteration order: {@code map}
   * itself when it already is such a compact map, a shared empty map when it is empty.
   *
   * @param map the entries; may be {@code null}
   * @param <K> the key type
   * @param <V> the value type
   * @return the copy, or {@code null} for {@code null}
   */
  public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    if (map == null) {
      return null;
    }
    if (map instanceof CompactMap) {
      return map;
    }
    int size = map.size();
    if (size == 0) {
      return Collections.emptyMap();
    }
    if (size > MAX_COMPACT) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
    Object[] table = new Object[2 * size];
    int i = 0;
    for (Map.Entry<K, V> entry : map.entrySet()) {
      if (i == table.length) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map)); // it grew meanwhile
      }
      table[i++] = entry.getKey();
      table[i++] = entry.getValue();
    }
    return new CompactMap<>(i == table.length ? table : Arrays.copyOf(table, i));
  }

  /**
   * Collects entries as {@code LinkedHashMap.put} would (a repeated key keeps its first position
   * and takes the last value) without hashing while the map is small; not thread-safe.
   */
  static final class Builder<K, V> {
    private Object[] table = new Object[8];
    private int length;
    private LinkedHashMap<K, V> large;

    @SuppressWarnings("unchecked")
    void put(K key, V value) {
      if (large != null) {
        large.put(key, value);
        return;
      }
      for (int i = 0; i < length; i += 2) {
        if (Objects.equals(key, table[i])) {
          table[i + 1] = value;
          return;
        }
      }
      if (length == 2 * MAX_COMPACT) {
        large = new LinkedHashMap<>();
        for (int i = 0; i < length; i += 2) {
          large.put((K) table[i], (V) table[i + 1]);
        }
        large.put(key, value);
        table = null;
        return;
      }
      if (length == table.length) {
        table = Arrays.copyOf(table, 2 * length);
      }
      table[length++] = key;
      table[length++] = value;
    }

    /** Returns the map; the builder must not be used afterwards. */
    Map<K, V> build() {
      if (large != null) {
        return Collections.unmodifiableMap(large);
      }
      if (length == 0) {
        return Collections.emptyMap();
      }
      return new CompactMap<>(length == table.length ? table : Arrays.copyOf(table, length));
    }
  }
}
