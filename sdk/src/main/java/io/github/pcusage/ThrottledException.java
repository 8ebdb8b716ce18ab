package io.github.pcusage;

import java.time.Duration;
import java.util.Optional;

/**
 * Too many requests ({@code 429}) on every attempt the {@link RetryPolicy} allowed. {@link
 * #retryAfter()} is the server's last {@code Retry-After}.
 */
public final class ThrottledException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public ThrottledException(PartnerCenterException.Builder details) {
    super(details);
    this.retryAfter = details.retryAfter;
  }

  /**
   * Returns how long the server asked to wait, from its last {@code Retry-After} header.
   *
   * @return the wait, or empty if the server gave none
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
