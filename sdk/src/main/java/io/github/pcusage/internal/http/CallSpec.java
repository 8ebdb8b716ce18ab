package io.github.pcusage.internal.http;

import io.github.pcusage.Continuation;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Request;

/**
 * One logical call for {@link CallEngine}: the request (with its {@code MS-RequestId} and {@code
 * MS-CorrelationId}, the same on every attempt), how to decode a success, what a {@code 204} means,
 * and the words and listing position that its exceptions carry.
 *
 * @param <T> the decoded type
 */
public final class CallSpec<T> {
  /** What a {@code 204 No Content} means for a call. */
  public enum NoContent {
    /** Fail at once with {@code DataNotReadyException}. */
    FAIL,
    /**
     * The first page of a listing, or the usage summary: wait under the {@code DataNotReadyPolicy}.
     */
    WAIT_FOR_DATA,
    /** A follow-up page: retry under the {@code RetryPolicy}, with the same token. */
    RETRY
  }

  private final Request request;
  private final String operation;
  private final BodyDecoder<T> decoder;
  private NoContent noContent = NoContent.FAIL;
  private Continuation position;
  private boolean keepBody;
  private String notFoundCauses = GENERIC_NOT_FOUND_CAUSES;
  private Duration readTimeout;
  private int timeoutRetries = Integer.MAX_VALUE;

  /** The usual causes of a {@code 404} that any operation on a customer's subscription shares. */
  public static final String GENERIC_NOT_FOUND_CAUSES =
      "no relationship with the customer or a wrong customer or subscription id";

  private CallSpec(Request request, String operation, BodyDecoder<T> decoder) {
    this.request = Objects.requireNonNull(request, "request == null");
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.decoder = Objects.requireNonNull(decoder, "decoder == null");
    if (request.header(HeaderNames.REQUEST_ID) == null
        || request.header(HeaderNames.CORRELATION_ID) == null) {
      throw new IllegalArgumentException("a call needs its MS-RequestId and MS-CorrelationId");
    }
  }

  /**
   * Describes a call.
   *
   * @param request the request, carrying {@code MS-RequestId} and {@code MS-CorrelationId}
   * @param operation what the call does, in words, for exception messages (no secrets)
   * @param decoder how a successful body is decoded
   * @param <T> the decoded type
   * @return the call, failing on {@code 204}, outside any listing, its body released once decoded
   */
  public static <T> CallSpec<T> of(Request request, String operation, BodyDecoder<T> decoder) {
    return new CallSpec<>(request, operation, decoder);
  }

  /**
   * Sets what a {@code 204} means.
   *
   * @param noContent the rule
   * @return this
   */
  public CallSpec<T> noContent(NoContent noContent) {
    this.noContent = Objects.requireNonNull(noContent, "noContent == null");
    return this;
  }

  /**
   * Sets the position of the listing this call fetches, carried by its exceptions.
   *
   * @param position the continuation of the page requested
   * @return this
   */
  public CallSpec<T> position(Continuation position) {
    this.position = position;
    return this;
  }

  /**
   * Keeps the body's bytes after decoding, in {@link Received#body()}, until the caller releases
   * them.
   *
   * @return this
   */
  public CallSpec<T> keepBody() {
    this.keepBody = true;
    return this;
  }

  /**
   * Sets the usual causes of a {@code 404} for this operation, which its {@code NotFoundException}
   * message names after "Usual causes: " (default: {@link #GENERIC_NOT_FOUND_CAUSES}).
   *
   * @param causes the causes, in words
   * @return this
   */
  public CallSpec<T> notFoundCauses(String causes) {
    this.notFoundCauses = Objects.requireNonNull(causes, "causes == null");
    return this;
  }

  /**
   * Gives this call its own read timeout instead of the client's, and retries a read timeout at
   * most {@code timeoutRetries} times (other failures are retried as usual): for a slow call such
   * as the rate card, where waiting the whole timeout again and again would take many minutes.
   *
   * @param timeout the read timeout, positive
   * @param timeoutRetries how many times a timed-out attempt may be retried, zero or more
   * @return this
   */
  public CallSpec<T> readTimeout(Duration timeout, int timeoutRetries) {
    this.readTimeout = Objects.requireNonNull(timeout, "timeout == null");
    if (timeoutRetries < 0) {
      throw new IllegalArgumentException("timeoutRetries < 0");
    }
    this.timeoutRetries = timeoutRetries;
    return this;
  }

  Request request() {
    return request;
  }

  /** The call's read timeout, or null for the client's. */
  Duration readTimeout() {
    return readTimeout;
  }

  int timeoutRetries() {
    return timeoutRetries;
  }

  String operation() {
    return operation;
  }

  String notFoundCauses() {
    return notFoundCauses;
  }

  BodyDecoder<T> decoder() {
    return decoder;
  }

  NoContent noContentRule() {
    return noContent;
  }

  Continuation position() {
    return position;
  }

  boolean keepsBody() {
    return keepBody;
  }

  String requestId() {
    return request.header(HeaderNames.REQUEST_ID);
  }

  String correlationId() {
    return request.header(HeaderNames.CORRELATION_ID);
  }
}
