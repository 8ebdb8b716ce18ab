package io.github.pcusage.cli;

import io.github.pcusage.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * One throttle for every request of a run: when any request gets {@code 429 Too Many Requests},
 * every request (of any export target) waits until its {@code Retry-After} has passed before it is
 * sent. Installed as an OkHttp <em>network</em> interceptor on the client given to the SDK, so it
 * sees each attempt, retries included; the SDK's own retry still waits for the throttled call.
 * Waits are clamped to {@code maxWait}.
 */
final class SharedThrottle implements Interceptor {
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

  private final Duration maxWait;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final AtomicLong pausedUntil;
  private final AtomicLong pauses = new AtomicLong();

  SharedThrottle(Duration maxWait, Sleeper sleeper, LongSupplier nanoTime) {
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    this.pausedUntil = new AtomicLong(nanoTime.getAsLong());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    awaitPause();
    Response response = chain.proceed(chain.request());
    if (response.code() == 429) {
      Duration wait = retryAfter(response.header("Retry-After"));
      if (wait.compareTo(maxWait) > 0) {
        wait = maxWait;
      }
      long until = nanoTime.getAsLong() + wait.toNanos();
      pausedUntil.accumulateAndGet(until, (a, b) -> b - a > 0 ? b : a);
    }
    return response;
  }

  /** Returns how many times a request waited for the shared pause. */
  long pauses() {
    return pauses.get();
  }

  private void awaitPause() throws IOException {
    long left = pausedUntil.get() - nanoTime.getAsLong();
    if (left <= 0) {
      return;
    }
    pauses.incrementAndGet();
    try {
      sleeper.sleep(Duration.ofNanos(left));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while throttled");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT_WAIT;
    }
    String value = header.trim();
    if (value.matches("[0-9]{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Duration d =
          Duration.between(
              ZonedDateTime.now(),
              ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return DEFAULT_WAIT;
    }
  }
}
