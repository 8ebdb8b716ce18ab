package io.github.pcusage;

import java.time.Duration;

/** What is known about one failed call; the single input of every exception's constructor. */
final class Failure {
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

  Failure message(String message) {
    this.message = message;
    return this;
  }

  Failure cause(Throwable cause) {
    this.cause = cause;
    return this;
  }

  Failure continuation(Continuation continuation) {
    this.continuation = continuation;
    return this;
  }
}
