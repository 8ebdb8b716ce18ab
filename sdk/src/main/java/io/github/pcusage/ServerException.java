package io.github.pcusage;

/** The service failed ({@code 5xx}) on every attempt the {@link RetryPolicy} allowed. */
public final class ServerException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public ServerException(PartnerCenterException.Builder details) {
    super(details);
  }
}
