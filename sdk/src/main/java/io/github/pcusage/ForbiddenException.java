package io.github.pcusage;

/**
 * The caller is authenticated but may not make this call ({@code 403 Forbidden}). The usage summary
 * needs an app+user token; app-only tokens are refused there.
 */
public final class ForbiddenException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public ForbiddenException(PartnerCenterException.Builder details) {
    super(details);
  }
}
