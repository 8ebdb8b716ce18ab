package io.github.pcusage;

import io.github.pcusage.internal.http.RetryStrategy;
import java.time.Duration;
import java.util.Optional;

/**
 * A call to Partner Center failed. The base of every exception the client throws; each subclass
 * stands for one kind of failure, and one place in the client maps responses to them.
 *
 * <p>It carries what a partner needs to act or to quote to Microsoft support: the HTTP status, the
 * Partner Center error code and description, the {@code MS-RequestId} and {@code MS-CorrelationId},
 * the (capped) raw body, and, for a listing, the {@link Continuation} to resume from. Its message
 * never holds the access token or a continuation token.
 *
 * <p>To create one in a test of your own code, use {@link #builder()} and the constructor of the
 * type you need:
 *
 * <pre>{@code
 * throw new NotFoundException(
 *     PartnerCenterException.builder().message("no such subscription").statusCode(404));
 * }</pre>
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

  /**
   * Creates the exception from {@code details}.
   *
   * @param details what is known about the failure; see {@link #builder()}
   */
  public PartnerCenterException(Builder details) {
    super(details.message, details.cause);
    Builder failure = details;
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
   * else whether the status is one the client retries ({@code 429}, {@code 500}, {@code 502},
   * {@code 503}, {@code 504}, as {@link RetryPolicy} lists them), a {@code 204} (data not ready),
   * or no response at all (status 0: an I/O failure).
   *
   * @return true if retrying may help
   */
  public boolean isRetryable() {
    if (retryable != null) {
      return retryable;
    }
    return RetryStrategy.isRetryableStatus(statusCode) || statusCode == 204 || statusCode == 0;
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

  /**
   * Returns a builder of the details every {@link PartnerCenterException} carries; pass it to the
   * constructor of the exception type wanted. Every field is optional.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The details of a failure, the single input of every exception's constructor. */
  public static final class Builder {
    String message;
    Throwable cause;
    int statusCode;
    String errorCode;
    String description;
    String errorName;
    Boolean retryable;
    String requestId;
    String correlationId;
    String rawBody;
    Continuation continuation;
    Duration retryAfter;

    private Builder() {}

    /**
     * Sets the message.
     *
     * @param message the message; never put a token in it
     * @return this builder
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * Sets the cause.
     *
     * @param cause the cause, or {@code null}
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * Sets the HTTP status; 0 (the default) when no response was received.
     *
     * @param statusCode the status
     * @return this builder
     */
    public Builder statusCode(int statusCode) {
      this.statusCode = statusCode;
      return this;
    }

    /**
     * Sets Partner Center's error code.
     *
     * @param errorCode the code, or {@code null}
     * @return this builder
     */
    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /**
     * Sets Partner Center's error description.
     *
     * @param description the description, or {@code null}
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets Partner Center's {@code errorName}.
     *
     * @param errorName the name, or {@code null}
     * @return this builder
     */
    public Builder errorName(String errorName) {
      this.errorName = errorName;
      return this;
    }

    /**
     * Sets the body's {@code isRetryable}; {@code null} (the default) lets the status decide.
     *
     * @param retryable the flag, or {@code null}
     * @return this builder
     */
    public Builder retryable(Boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /**
     * Sets the {@code MS-RequestId}.
     *
     * @param requestId the id, or {@code null}
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Sets the {@code MS-CorrelationId}.
     *
     * @param correlationId the id, or {@code null}
     * @return this builder
     */
    public Builder correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets the raw response body (the client caps it to 4096 characters).
     *
     * @param rawBody the body, or {@code null}
     * @return this builder
     */
    public Builder rawBody(String rawBody) {
      this.rawBody = rawBody;
      return this;
    }

    /**
     * Sets where the failed listing can resume.
     *
     * @param continuation the continuation, or {@code null}
     * @return this builder
     */
    public Builder continuation(Continuation continuation) {
      this.continuation = continuation;
      return this;
    }

    /**
     * Sets the server's {@code Retry-After}, kept by {@link ThrottledException} and {@link
     * DataNotReadyException}.
     *
     * @param retryAfter the wait, or {@code null}
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Returns a {@link PartnerCenterException} with these details; use the constructor of a
     * subclass for a more specific type.
     *
     * @return a new exception
     */
    public PartnerCenterException build() {
      return new PartnerCenterException(this);
    }
  }
}
