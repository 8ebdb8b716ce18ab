package io.github.pcusage.sandbox;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The provider state of one customer/subscription pair: what a scenario id or a {@link Scenarios}
 * call configured. Counters count down once per call they answer; {@link #ALWAYS} never runs out.
 * Thread-safe.
 */
final class PairState {
  /** A counter value that never runs out. */
  static final int ALWAYS = Integer.MAX_VALUE;

  final AtomicInteger notReady = new AtomicInteger();
  final AtomicInteger failing = new AtomicInteger();
  final AtomicInteger nextNotReady = new AtomicInteger();
  final AtomicInteger nextFailing = new AtomicInteger();
  volatile int failStatus;

  /** Whether the pair's 204 and 429 answers send {@code Retry-After} as an HTTP-date. */
  volatile boolean retryAfterDate;

  volatile Integer records;
  volatile boolean azurePlan;
  volatile boolean noUsage;
  volatile RecordStyle recordStyle = RecordStyle.STANDARD;
  volatile NextLinkStyle nextLinkStyle;

  /** Takes one call from a counter; returns whether the counter still had one. */
  static boolean take(AtomicInteger counter) {
    while (true) {
      int left = counter.get();
      if (left <= 0) {
        return false;
      }
      if (left == ALWAYS || counter.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }
}
