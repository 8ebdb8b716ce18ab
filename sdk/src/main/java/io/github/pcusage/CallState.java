package io.github.pcusage;

/** Per-call state carried as an OkHttp request tag: the attempt number, for logging. */
final class CallState {
  volatile int attempt = 1;
}
