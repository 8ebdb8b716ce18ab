package io.github.pcusage;

/**
 * No usable response arrived (connection refused or reset, timeout, truncated body) on every
 * attempt the {@link RetryPolicy} allowed. {@link #statusCode()} is 0.
 */
public final class TransportException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public TransportException(PartnerCenterException.Builder details) {
    super(details);
  }
}
