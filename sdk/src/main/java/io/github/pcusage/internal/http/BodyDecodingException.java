package io.github.pcusage.internal.http;

import java.io.EOFException;
import java.io.IOException;

/** A response body could not be decoded; carries the JSON path and a snippet around the failure. */
final class BodyDecodingException extends IOException {
  private static final long serialVersionUID = 1L;

  final String snippet;
  final boolean truncated;

  /**
   * @param endsInsideValue whether the body's JSON stops inside a string, object or array: a body
   *     cut short in transit, which Moshi reports as an EOF or as an unterminated string
   */
  BodyDecodingException(Exception cause, String snippet, boolean endsInsideValue) {
    super(cause.getMessage(), cause);
    this.snippet = snippet;
    this.truncated = cause instanceof EOFException || endsInsideValue;
  }
}
