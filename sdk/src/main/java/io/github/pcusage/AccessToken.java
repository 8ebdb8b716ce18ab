package io.github.pcusage;

import java.time.Instant;
import java.util.Objects;

/** A bearer token and the instant it expires. Its {@link #toString()} never shows the token. */
public final class AccessToken {
  private final String token;
  private final Instant expiresAt;

  private AccessToken(String token, Instant expiresAt) {
    this.token = token;
    this.expiresAt = expiresAt;
  }

  /**
   * Returns an access token.
   *
   * @param token the bearer token, without the {@code Bearer } prefix; not blank
   * @param expiresAt when the token stops being valid; {@link Instant#MAX} for never
   * @return the access token
   * @throws IllegalArgumentException if {@code token} is blank or holds a line break
   */
  public static AccessToken of(String token, Instant expiresAt) {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank: pass the access token itself");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "token holds a control or non-ASCII character at index "
                + i
                + ": pass the raw access token");
      }
    }
    return new AccessToken(token, expiresAt);
  }

  /**
   * Returns the bearer token. Never log it.
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * Returns when the token stops being valid.
   *
   * @return the expiry instant
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "AccessToken{token=██, expiresAt=" + expiresAt + "}";
  }
}
