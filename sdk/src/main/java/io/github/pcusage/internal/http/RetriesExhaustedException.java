package io.github.pcusage.internal.http;

import java.io.IOException;

/** Every attempt of a call failed with an I/O error; the last one is the cause. */
final class RetriesExhaustedException extends IOException {
  private static final long serialVersionUID = 1L;

  final int attempts;

  RetriesExhaustedException(int attempts, IOException last) {
    super(attempts + " attempt(s) failed, the last with " + describe(last), last);
    this.attempts = attempts;
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
