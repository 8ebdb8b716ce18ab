package io.github.pcusage;

import java.time.Duration;
import java.util.Optional;

/**
 * The usage data is not ready yet ({@code 204 No Content}) and the {@link DataNotReadyPolicy}
 * (first page, usage summary) or the {@link RetryPolicy} (follow-up page) allows no more waiting.
 * Common on billing day and when the window ends now: try again after {@link #retryAfter()}, from
 * {@link #continuation()}.
 */
public final class DataNotReadyException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public DataNotReadyException(PartnerCenterException.Builder details) {
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
