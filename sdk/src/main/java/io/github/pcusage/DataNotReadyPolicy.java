package io.github.pcusage;

import java.time.Duration;

/**
 * What the client does when the FIRST page of a listing, or the usage summary, answers {@code 204
 * No Content} (the data is not ready yet, common on billing day and when the window ends now): wait
 * the server's {@code Retry-After} (delta-seconds or HTTP-date; {@link #defaultDelay()} when
 * absent; clamped to {@link #maxDelay()}) and ask again, up to {@link #maxRetries()} times, then
 * throw {@link DataNotReadyException}. A {@code 204} on a follow-up page is always retried, under
 * the {@link RetryPolicy}, since giving up there would end the listing early.
 */
public final class DataNotReadyPolicy {
  private static final DataNotReadyPolicy DEFAULTS =
      new DataNotReadyPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5));
  private static final DataNotReadyPolicy NO_WAIT =
      new DataNotReadyPolicy(0, Duration.ZERO, Duration.ZERO);

  private final int maxRetries;
  private final Duration defaultDelay;
  private final Duration maxDelay;

  private DataNotReadyPolicy(int maxRetries, Duration defaultDelay, Duration maxDelay) {
    this.maxRetries = maxRetries;
    this.defaultDelay = defaultDelay;
    this.maxDelay = maxDelay;
  }

  /**
   * Returns the default: 3 retries, 30 s when the server gives no delay, at most 5 minutes a wait.
   *
   * @return the default policy
   */
  public static DataNotReadyPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the policy that never waits: a first-page (or usage summary) {@code 204} throws {@link
   * DataNotReadyException} at once.
   *
   * @return the no-wait policy
   */
  public static DataNotReadyPolicy noWait() {
    return NO_WAIT;
  }

  /**
   * Returns a policy.
   *
   * @param maxRetries how many times to ask again, from 0 to 1000
   * @param defaultDelay the wait when the server gives no {@code Retry-After}
   * @param maxDelay the longest wait obeyed
   * @return the policy
   */
  public static DataNotReadyPolicy of(int maxRetries, Duration defaultDelay, Duration maxDelay) {
    if (maxRetries < 0 || maxRetries > 1000) {
      throw new IllegalArgumentException("maxRetries is " + maxRetries + ": use 0 to 1000");
    }
    return new DataNotReadyPolicy(
        maxRetries,
        RetryPolicy.nonNegative(defaultDelay, "defaultDelay"),
        RetryPolicy.nonNegative(maxDelay, "maxDelay"));
  }

  /**
   * Returns how many times a first-page (or usage summary) {@code 204} is retried.
   *
   * @return 0 for no waiting
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns the wait when the server gives no {@code Retry-After}.
   *
   * @return the default delay
   */
  public Duration defaultDelay() {
    return defaultDelay;
  }

  /**
   * Returns the longest wait obeyed.
   *
   * @return the maximum delay
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  @Override
  public String toString() {
    return "DataNotReadyPolicy{maxRetries="
        + maxRetries
        + ", defaultDelay="
        + defaultDelay
        + ", maxDelay="
        + maxDelay
        + "}";
  }
}
