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

  /**
   * Returns 401 without a body, for a request that carries no bearer token (the handler adds {@code
   * WWW-Authenticate}).
   */
  Reply unauthenticated() {
    return new Reply(401, null, null, null);
  }

  /**
   * Returns 204 No Content without a body and with {@code Retry-After} in seconds, or as an
   * HTTP-date at least that many seconds from now.
   */
  Reply notReady(long retryAfterSeconds, boolean httpDate) {
    return new Reply(204, retryAfter(retryAfterSeconds, httpDate), null, null);
  }

  /**
   * Returns 429 with the throttling body and {@code Retry-After} in seconds, or as an HTTP-date at
   * least that many seconds from now.
   */
  Reply throttled(long retryAfterSeconds, boolean httpDate) {
    return new Reply(
        429, retryAfter(retryAfterSeconds, httpDate), writer.throttled(retryAfterSeconds), null);
  }

  /** Returns the canned failure of a scenario or provider state with this status. */
  Reply failure(int status, boolean retryAfterDate, String customerId) {
    switch (status) {
      case 400:
        return error(ApiError.notAnAzureSubscription());
      case 401:
        return error(ApiError.invalidToken());
      case 403:
        return error(ApiError.forbidden(customerId));
      case 404:
        return error(ApiError.subscriptionNotFound());
      case 429:
        return throttled(1, retryAfterDate);
      case 503:
        return error(ApiError.unavailable());
      default:
        return error(ApiError.internal());
    }
  }

  /**
   * Returns the canned failure of an operation without a customer (the customer listing, the rate
   * card): 400 800002, 401 "900420", 403 (the rate card's with code 800043, the listing's without a
   * code), 429, 500 or 503.
   */
  Reply operationFailure(int status, boolean retryAfterDate, boolean rateCard) {
    switch (status) {
      case 400:
        return error(ApiError.invalidInput("The request input is not valid."));
      case 403:
        return error(rateCard ? ApiError.pricingForbidden() : ApiError.operationForbidden());
      default:
        return failure(status, retryAfterDate, "");
    }
  }

  private String retryAfter(long seconds, boolean httpDate) {
    // An HTTP-date has whole seconds: one more second keeps the wait at least `seconds` long.
    return httpDate
        ? HTTP_DATE.format(clock.instant().plusSeconds(seconds + 1))
        : Long.toString(seconds);
  }
}
