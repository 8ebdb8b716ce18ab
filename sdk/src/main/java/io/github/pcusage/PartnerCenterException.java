package io.github.pcusage;

import java.util.Optional;

/**
 * A call to Partner Center failed. The base of every exception the client throws; each subclass
 * stands for one kind of failure, and one place in the client maps responses to them.
 *
 * <p>It carries what a partner needs to act or to quote to Microsoft support: the HTTP status, the
 * Partner Center error code and description, the {@code MS-RequestId} and {@code MS-CorrelationId},
 * the (capped) raw body, and, for a listing, the {@link Continuation} to resume from. Its message
 * never holds the access token or a continuation token.
 */
public class PartnerCenterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  private final String description;
  private final String errorName;
  private final Boolean retryable;
  private final String requestId;
  private final String correlationId;
  private final String rawBody;
  private final transient Continuation continuation;

  PartnerCenterException(Failure failure) {
    super(failure.message, failure.cause);
    this.statusCode = failure.statusCode;
    this.errorCode = failure.errorCode;
    this.description = failure.description;
    this.errorName = failure.errorName;
    this.retryable = failure.retryable;
    this.requestId = failure.requestId;
    this.correlationId = failure.correlationId;
    this.rawBody = failure.rawBody;
    this.continuation = failure.continuation;
  }

  /**
   * Returns the HTTP status code, or 0 when no response was received.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns Partner Center's error {@code code} (sent as a number, documented as a string).
   *
   * @return the code, or {@code null} if the body had none
   */
  public String errorCode() {
    return errorCode;
  }

  /**
   * Returns Partner Center's error {@code description} (or the throttling {@code message}).
   *
   * @return the description, or {@code null} if the body had none
   */
  public String description() {
    return description;
  }

  /**
   * Returns Partner Center's {@code errorName}, sent by newer errors.
   *
   * @return the error name, or {@code null}
   */
  public String errorName() {
    return errorName;
  }

  /**
   * Returns whether the call may succeed if retried: the body's {@code isRetryable} when present,
   * else whether the status is one the client retries.
   *
   * @return true if retrying may help
   */
  public boolean isRetryable() {
    if (retryable != null) {
      return retryable;
    }
    return statusCode == 429 || statusCode >= 500 || statusCode == 204 || statusCode == 0;
  }

  /**
   * Returns the {@code MS-RequestId} of the failed call.
   *
   * @return the request id, or {@code null} if unknown
   */
  public String requestId() {
    return requestId;
  }

  /**
   * Returns the {@code MS-CorrelationId} of the failed call.
   *
   * @return the correlation id, or {@code null} if unknown
   */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Returns the response body as received, cut to its first 4096 characters.
   *
   * @return the raw body, or {@code null} if there was none
   */
  public String rawBody() {
    return rawBody;
  }

  /**
   * Returns where to resume the listing that failed, if this failure ended one: pass it to {@link
   * PagedIterable#byPage(Continuation)}.
   *
   * @return the continuation of the page that could not be fetched
   */
  public Optional<Continuation> continuation() {
    return Optional.ofNullable(continuation);
  }
}
