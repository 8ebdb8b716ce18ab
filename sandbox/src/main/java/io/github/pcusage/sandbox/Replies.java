package io.github.pcusage.sandbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Builds the error, throttling and not-ready answers, each with its real body and headers. */
final class Replies {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final WireWriter writer;
  private final Clock clock;

  Replies(WireWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  /** Returns an error answer with a Partner Center error body. */
  Reply error(ApiError error) {
    return new Reply(error.status(), null, writer.error(error), null);
  }

  /** Returns 204 No Content with {@code Retry-After} in seconds and no body. */
  Reply notReady(long retryAfterSeconds) {
    return new Reply(204, Long.toString(retryAfterSeconds), null, null);
  }

  /**
   * Returns 429 with the throttling body and {@code Retry-After} in seconds, or as an HTTP-date at
   * least that many seconds from now.
   */
  Reply throttled(long retryAfterSeconds, boolean httpDate) {
    String retryAfter =
        httpDate
            ? HTTP_DATE.format(clock.instant().plusSeconds(retryAfterSeconds + 1))
            : Long.toString(retryAfterSeconds);
    return new Reply(429, retryAfter, writer.throttled(retryAfterSeconds), null);
  }

  /** Returns the canned failure of a scenario or provider state with this status. */
  Reply failure(int status, boolean throttleWithDate, String customerId) {
    switch (status) {
      case 400:
        return error(
            new ApiError(400, 800011, "The subscription is not a valid Azure subscription."));
      case 401:
        return error(ApiError.invalidToken());
      case 403:
        return error(ApiError.forbidden(customerId));
      case 404:
        return error(ApiError.subscriptionNotFound());
      case 429:
        return throttled(1, throttleWithDate);
      case 503:
        return error(ApiError.unavailable());
      default:
        return error(ApiError.internal());
    }
  }
}
