package io.github.pcusage;

/**
 * The call was not authenticated ({@code 401 Unauthorized}) even after one retry with a fresh
 * token, or no token could be obtained (status 0). Check the token's audience, tenant and expiry.
 */
public final class UnauthorizedException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public UnauthorizedException(PartnerCenterException.Builder details) {
    super(details);
  }
}
