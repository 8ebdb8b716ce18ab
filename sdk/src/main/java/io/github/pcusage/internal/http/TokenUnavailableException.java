package io.github.pcusage.internal.http;

import java.io.IOException;

/** The {@link TokenProvider} could not supply a token; never retried as a transport failure. */
final class TokenUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  TokenUnavailableException(Throwable cause) {
    super("the token provider failed: " + cause.getClass().getName(), cause);
  }
}
