package io.github.pcusage.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pause shared by every call of one client, when the client is built with {@code
 * sharedThrottle(true)}: a {@code 429} on any call pauses every call until the wait that {@link
 * RetryStrategy} chose for it (the {@code Retry-After}, clamped, or the backoff) has passed. {@link
 * #none()} never pauses. Thread-safe; measured with the client's {@link Clock}.
 */
public final class Throttle {
  private static final Throttle NONE = new Throttle(null);

  private final Clock clock;
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

  private Throttle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns a throttle that never pauses.
   *
   * @return the throttle
   */
  public static Throttle none() {
    return NONE;
  }

  /**
   * Returns a new throttle shared by the calls it is given to.
   *
   * @param clock the clock the pause is measured with
   * @return the throttle
   */
  public static Throttle shared(Clock clock) {
    return new Throttle(clock);
  }

  /** Pauses every call for {@code wait} from now, unless a longer pause is already on. */
  void pauseFor(Duration wait) {
    if (clock == null) {
      return;
    }
    Instant until = clock.instant().plus(wait);
    pausedUntil.accumulateAndGet(until, (a, b) -> b.isAfter(a) ? b : a);
  }

  /** How long a call must still wait before its next attempt; zero when there is no pause. */
  Duration remaining() {
    if (clock == null) {
      return Duration.ZERO;
    }
    Instant until = pausedUntil.get();
    if (until == Instant.MIN) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), until);
    return left.isNegative() ? Duration.ZERO : left;
  }

  @Override
  public String toString() {
    return clock == null ? "Throttle.none" : "Throttle.shared";
  }
}
