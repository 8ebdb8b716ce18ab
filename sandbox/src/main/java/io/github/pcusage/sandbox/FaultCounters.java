package io.github.pcusage.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/** Live counts of the faults a sandbox has served, by kind; thread-safe. */
public final class FaultCounters {
  private final AtomicLongArray counts = new AtomicLongArray(Fault.values().length);

  FaultCounters() {}

  void increment(Fault fault) {
    counts.incrementAndGet(fault.ordinal());
  }

  /** Returns how many times {@code fault} was served. */
  public long count(Fault fault) {
    Objects.requireNonNull(fault, "fault == null");
    return counts.get(fault.ordinal());
  }

  /** Returns how many faults of any kind were served. */
  public long total() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** Returns a snapshot of every kind's count, in {@link Fault} order. */
  public Map<Fault, Long> snapshot() {
    Map<Fault, Long> snapshot = new EnumMap<>(Fault.class);
    for (Fault fault : Fault.values()) {
      snapshot.put(fault, counts.get(fault.ordinal()));
    }
    return snapshot;
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
