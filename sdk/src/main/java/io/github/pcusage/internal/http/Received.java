package io.github.pcusage.internal.http;

import okhttp3.Headers;

/**
 * A successful call: the decoded body, the response headers and, for a call made with {@link
 * CallSpec#keepBody()}, the body's bytes.
 *
 * @param <T> the decoded type
 */
public final class Received<T> {
  private final T value;
  private final Headers headers;
  private final BodyArrays.Filled body;
  private final String requestId;
  private final String correlationId;

  Received(
      T value, Headers headers, BodyArrays.Filled body, String requestId, String correlationId) {
    this.value = value;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.correlationId = correlationId;
  }

  /**
   * Returns the decoded body.
   *
   * @return the value
   */
  public T value() {
    return value;
  }

  /**
   * Returns the response headers.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * Returns the {@code MS-RequestId} the service echoed, else the one sent.
   *
   * @return the request id
   */
  public String requestId() {
    return requestId;
  }

  /**
   * Returns the {@code MS-CorrelationId} the service echoed, else the one sent.
   *
   * @return the correlation id
   */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Returns the body's bytes, kept for a call made with {@link CallSpec#keepBody()}; the caller
   * releases them.
   *
   * @return the body, or {@code null} when not kept
   */
  public BodyArrays.Filled body() {
    return body;
  }
}
