package io.github.pcusage.internal.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map of a few entries in one array of alternating keys and values, in insertion
 * order: about a fifth of the memory of an unmodifiable {@code LinkedHashMap}, and nothing to hash
 * when it is built. Lookups scan the array, so {@link CompactMaps} uses it only for small maps.
 * Null keys and values are allowed, as in {@code LinkedHashMap}.
 */
final class CompactMap<K, V> extends AbstractMap<K, V> {
  /** Keys at even indexes, each followed by its value; never shared or changed. */
  private final Object[] table;

  /** Takes {@code table} as it is: keys distinct, length even, owned by this map from now on. */
  CompactMap(Object[] table) {
    this.table = table;
  }

  @Override
  public int size() {
    return table.length >>> 1;
  }

  @Override
  public boolean isEmpty() {
    return table.length == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public boolean containsValue(Object value) {
    for (int i = 1; i < table.length; i += 2) {
      if (Objects.equals(value, table[i])) {
        return true;
      }
    }
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int index = indexOf(key);
    return index < 0 ? null : (V) table[index + 1];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < table.length; i += 2) {
      if (Objects.equals(key, table[i])) {
        return i;
      }
    }
    return -1;
  }

  /** As {@link Map#hashCode()} specifies, without building entries. */
  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < table.length; i += 2) {
      hash += Objects.hashCode(table[i]) ^ Objects.hashCode(table[i + 1]);
    }
    return hash;
  }

  /** As {@link Map#equals(Object)} specifies; without building entries when both are compact. */
  @Override
  public boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof CompactMap)) {
      return super.equals(other);
    }
    CompactMap<?, ?> that = (CompactMap<?, ?>) other;
    if (that.table.length != table.length) {
      return false;
    }
    for (int i = 0; i < table.length; i += 2) {
      int index = that.indexOf(table[i]);
      if (index < 0 || !Objects.equals(table[i + 1], that.table[index + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<Map.Entry<K, V>>() {
      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<Map.Entry<K, V>>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < table.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, V> next() {
            if (next >= table.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<K, V> entry =
                new SimpleImmutableEntry<>((K) table[next], (V) table[next + 1]);
            next += 2;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return table.length >>> 1;
      }
    };
  }
}
