package io.github.pcusage.internal.http;

import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import okhttp3.Headers;

/**
 * Every retry decision of the client, in one place: which statuses are retried, how {@code
 * Retry-After} is read (the only parser of that header), and how long to wait before the next
 * attempt. {@link CallEngine} asks, then executes. Uses the client's {@link Clock}; backoff delays
 * get the policy's jitter.
 */
public final class RetryStrategy {
  private final RetryPolicy policy;
  private final DataNotReadyPolicy notReady;
  private final Clock clock;
  private final Random random;

  /**
   * @param policy the retry policy
   * @param notReady the policy for a first page that answers {@code 204}
   * @param clock the clock that HTTP-date {@code Retry-After} values are measured against
   * @param random the source of jitter
   */
  public RetryStrategy(
      RetryPolicy policy, DataNotReadyPolicy notReady, Clock clock, Random random) {
    this.policy = policy;
    this.notReady = notReady;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Returns whether a response with this status is retried: {@code 429}, {@code 500}, {@code 502},
   * {@code 503} and {@code 504}. The single list of retryable statuses.
   *
   * @param code an HTTP status
   * @return true if the status is retried
   */
  public static boolean isRetryableStatus(int code) {
    return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  /**
   * Returns the wait a {@code Retry-After} header asks for (delta-seconds or an HTTP-date), never
   * negative, or {@code null} when the header is absent or unreadable.
   */
  static Duration parseRetryAfter(String header, Clock clock) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (value.length() > 9) {
        return Duration.ofSeconds(999_999_999L);
      }
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), when.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The {@code Retry-After} of {@code headers}, or null. */
  Duration retryAfter(Headers headers) {
    return parseRetryAfter(headers.get(HeaderNames.RETRY_AFTER), clock);
  }

  /** Whether a call that has failed {@code failures} times (retryably) may be attempted again. */
  boolean mayRetry(int failures) {
    return failures < policy.maxAttempts();
  }

  /**
   * The wait before the retry that follows failure number {@code failures} (from 1): the response's
   * {@code Retry-After} clamped to {@link RetryPolicy#maxRetryAfter()} when it has one, else the
   * jittered backoff. {@code headers} is null after an I/O failure or a truncated body.
   */
  Duration delay(int failures, Headers headers) {
    Duration retryAfter = headers == null ? null : retryAfter(headers);
    if (retryAfter != null) {
      return clamp(retryAfter, policy.maxRetryAfter());
    }
    return jittered(policy.backoff(failures));
  }

  /** Whether a first page may wait for its data once more after {@code times} {@code 204}s. */
  boolean mayWaitForData(int times) {
    return times <= notReady.maxRetries();
  }

  /**
   * The wait after a first page's {@code 204}: its {@code Retry-After}, else the policy's default
   * delay, clamped to {@link DataNotReadyPolicy#maxDelay()}.
   */
  Duration dataNotReadyDelay(Headers headers) {
    Duration retryAfter = retryAfter(headers);
    return clamp(retryAfter != null ? retryAfter : notReady.defaultDelay(), notReady.maxDelay());
  }

  Duration jittered(Duration base) {
    double jitter = policy.jitter();
    if (jitter == 0 || base.isZero()) {
      return base;
    }
    double factor = 1 - jitter + 2 * jitter * random.nextDouble();
    return Duration.ofMillis(Math.round(base.toMillis() * factor));
  }

  private static Duration clamp(Duration wait, Duration max) {
    return wait.compareTo(max) > 0 ? max : wait;
  }

  @Override
  public String toString() {
    return "RetryStrategy{" + policy + ", " + notReady + "}";
  }
}
