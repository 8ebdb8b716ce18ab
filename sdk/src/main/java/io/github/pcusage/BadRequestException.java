package io.github.pcusage;

/**
 * The service refused the request as invalid ({@code 400 Bad Request}). Not retried: fix the input
 * that {@link #description()} names.
 */
public final class BadRequestException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public BadRequestException(PartnerCenterException.Builder details) {
    super(details);
  }
}
