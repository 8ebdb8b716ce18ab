package io.github.pcusage;

/**
 * The service answered with a body that is not valid for the API's schema: not JSON, a wrong type,
 * or a missing required field. The message names the JSON path and shows a snippet of the body.
 */
public final class InvalidResponseException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public InvalidResponseException(PartnerCenterException.Builder details) {
    super(details);
  }
}
