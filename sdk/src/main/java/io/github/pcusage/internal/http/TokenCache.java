package io.github.pcusage.internal.http;

import io.github.pcusage.AccessToken;
import io.github.pcusage.TokenProvider;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Caches the provider's token and refreshes it {@code skew} before it expires. Thread-safe. */
final class TokenCache {
  private final TokenProvider provider;
  private final Clock clock;
  private final Duration skew;
  private AccessToken current;

  TokenCache(TokenProvider provider, Clock clock, Duration skew) {
    this.provider = provider;
    this.clock = clock;
    this.skew = skew;
  }

  synchronized AccessToken get() throws TokenUnavailableException {
    if (current != null && isFresh(current)) {
      return current;
    }
    AccessToken fetched;
    try {
      fetched = provider.getToken();
    } catch (IOException | RuntimeException e) {
      throw new TokenUnavailableException(e);
    }
    if (fetched == null) {
      throw new TokenUnavailableException(
          new IllegalStateException("the token provider returned null"));
    }
    current = fetched;
    return fetched;
  }

  private boolean isFresh(AccessToken token) {
    Instant expiresAt = token.expiresAt();
    if (expiresAt.equals(Instant.MAX)) {
      return true;
    }
    return clock.instant().isBefore(expiresAt.minus(skew));
  }

  /**
   * Forgets {@code token} if it is still the cached one, so the next {@link #get()} fetches anew.
   */
  synchronized void invalidate(AccessToken token) {
    if (current == token) {
      current = null;
    }
  }
}
