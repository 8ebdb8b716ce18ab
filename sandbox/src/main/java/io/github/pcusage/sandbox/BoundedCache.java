package io.github.pcusage.sandbox;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A small thread-safe least-recently-used cache bounded by the total weight of its values. Values
 * are computed outside the lock, so two threads may compute the same value once each; the result is
 * the same either way because every value here is a pure function of its key.
 */
final class BoundedCache<K, V> {
  private final long maxWeight;
  private final ToLongFunction<V> weigher;
  private final LinkedHashMap<K, V> map = new LinkedHashMap<>(64, 0.75f, true);
  private long weight;

  /**
   * Creates a cache.
   *
   * @param maxWeight the largest total weight kept; 0 disables caching
   * @param weigher the weight of one value, at least 1
   */
  BoundedCache(long maxWeight, ToLongFunction<V> weigher) {
    if (maxWeight < 0) {
      throw new IllegalArgumentException("maxWeight < 0: " + maxWeight);
    }
    this.maxWeight = maxWeight;
    this.weigher = Objects.requireNonNull(weigher, "weigher == null");
  }

  /** Returns the cached value of {@code key}, computing and keeping it when absent. */
  V get(K key, Function<? super K, ? extends V> compute) {
    synchronized (map) {
      V cached = map.get(key);
      if (cached != null) {
        return cached;
      }
    }
    V value = Objects.requireNonNull(compute.apply(key), "computed value == null");
    long w = Math.max(1, weigher.applyAsLong(value));
    if (w > maxWeight) {
      return value;
    }
    synchronized (map) {
      V previous = map.put(key, value);
      if (previous != null) {
        weight -= Math.max(1, weigher.applyAsLong(previous));
      }
      weight += w;
      Iterator<Map.Entry<K, V>> eldest = map.entrySet().iterator();
      while (weight > maxWeight && eldest.hasNext()) {
        Map.Entry<K, V> entry = eldest.next();
        weight -= Math.max(1, weigher.applyAsLong(entry.getValue()));
        eldest.remove();
      }
    }
    return value;
  }

  /** Removes every entry. */
  void clear() {
    synchronized (map) {
      map.clear();
      weight = 0;
    }
  }
}
