package io.github.pcusage;

/**
 * No usable response arrived (connection refused or reset, timeout, truncated body) on every
 * attempt the {@link RetryPolicy} allowed. {@link #statusCode()} is 0.
 */
public final class TransportException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  TransportException(Failure failure) {
    super(failure);
  }
}
