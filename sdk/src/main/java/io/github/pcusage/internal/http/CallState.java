package io.github.pcusage.internal.http;

import java.time.Duration;

/**
 * Per-attempt state carried as an OkHttp request tag: the attempt number, for logging, and the
 * call's own read timeout, if it has one.
 */
final class CallState {
  final int attempt;

  /** The read timeout of this call, or null for the client's. */
  final Duration readTimeout;

  CallState(int attempt, Duration readTimeout) {
    this.attempt = attempt;
    this.readTimeout = readTimeout;
  }
}
