package io.github.pcusage;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries a failed call: {@code 429}, {@code 500}, {@code 502}, {@code 503}, {@code
 * 504}, I/O failures (reset, timeout, truncated body), and {@code 204} on a follow-up page. {@code
 * 400}, {@code 403} and {@code 404} are never retried, and {@code 401} only once with a fresh
 * token.
 *
 * <p>A {@code Retry-After} header (delta-seconds or HTTP-date) is obeyed, clamped to {@link
 * #maxRetryAfter()}; without one the delay grows exponentially from {@link #initialBackoff()} up to
 * {@link #maxBackoff()}, with jitter. Immutable.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final double jitter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.jitter = b.jitter;
  }

  /**
   * Returns the default policy: 4 attempts, backoff from 1 s to 30 s with 20% jitter, {@code
   * Retry-After} obeyed up to 5 minutes.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy that never retries (one attempt).
   *
   * @return a policy of one attempt
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * Returns a builder starting from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the most attempts of one call, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the delay before the first retry when the server gives no {@code Retry-After}.
   *
   * @return the initial backoff
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * Returns the longest backoff delay.
   *
   * @return the maximum backoff
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * Returns the longest {@code Retry-After} obeyed; longer ones are clamped to it.
   *
   * @return the maximum wait
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Returns the share of random jitter applied to backoff delays.
   *
   * @return from 0 to 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * Returns the backoff before retry number {@code retry} (1 for the first retry), before jitter.
   *
   * @param retry the retry number, from 1
   * @return the delay, at most {@link #maxBackoff()}
   */
  public Duration backoff(int retry) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < retry && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", jitter="
        + jitter
        + "}";
  }

  /** Builds {@link RetryPolicy} values. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofMinutes(5);
    private double jitter = 0.2;

    private Builder() {}

    /**
     * Sets the most attempts of one call, the first included; 4 by default.
     *
     * @param maxAttempts from 1 to 100
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts is " + maxAttempts + ": use 1 to 100");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the first backoff delay; 1 s by default.
     *
     * @param initialBackoff not negative
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest backoff delay; 30 s by default.
     *
     * @param maxBackoff not negative
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} obeyed; 5 minutes by default.
     *
     * @param maxRetryAfter not negative
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Sets the share of random jitter on backoff delays; 0.2 by default, 0 for exact delays.
     *
     * @param jitter from 0 to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter is " + jitter + ": use 0 to 1");
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }

  static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " is " + d + ": use a duration of zero or more");
    }
    return d;
  }
}
