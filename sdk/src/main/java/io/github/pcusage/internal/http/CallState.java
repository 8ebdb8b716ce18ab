package io.github.pcusage.internal.http;

/** Per-attempt state carried as an OkHttp request tag: the attempt number, for logging. */
final class CallState {
  final int attempt;

  CallState(int attempt) {
    this.attempt = attempt;
  }
}
