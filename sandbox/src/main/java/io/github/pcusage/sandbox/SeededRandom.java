package io.github.pcusage.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * A SplitMix64 generator and hash helpers whose output is fixed by this file alone, so that a seed
 * gives the same data on every JDK.
 */
final class SeededRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  SeededRandom(long seed) {
    this.state = seed;
  }

  /** Returns the next 64 pseudo-random bits. */
  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Returns a value in {@code [0, bound)}; {@code bound} must be positive. */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound <= 0: " + bound);
    }
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  /** Returns a value in {@code [0, bound)}; {@code bound} must be positive. */
  long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound <= 0: " + bound);
    }
    return Long.remainderUnsigned(nextLong(), bound);
  }

  /** Returns a value in {@code [0, 1)}. */
  double nextDouble() {
    return unit(nextLong());
  }

  /** Returns true with probability {@code 1 / n}. */
  boolean oneIn(int n) {
    return nextInt(n) == 0;
  }

  /** The SplitMix64 finalizer: a bijective scramble of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Combines hashes into one, order-sensitive. */
  static long combine(long... parts) {
    long h = 0x2545F4914F6CDD1DL;
    for (long part : parts) {
      h = mix(h ^ mix(part + GOLDEN_GAMMA));
    }
    return h;
  }

  /** A 64-bit FNV-1a hash of the UTF-8 bytes of {@code s}. */
  static long hash(String s) {
    long h = 0xCBF29CE484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  /** Maps 64 bits to a double in {@code [0, 1)}. */
  static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}
