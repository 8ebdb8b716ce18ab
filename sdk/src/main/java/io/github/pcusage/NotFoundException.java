package io.github.pcusage;

/**
 * Not found ({@code 404}). The usual causes: the partner has no relationship with the customer
 * (code 20002), a wrong subscription id (20003), or an Azure plan subscription, which the
 * utilization endpoint does not serve (it serves legacy MS-AZR-0145P subscriptions).
 */
public final class NotFoundException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from {@code details}, for example in a test of code that handles it.
   *
   * @param details what is known about the failure; see {@link PartnerCenterException#builder()}
   */
  public NotFoundException(PartnerCenterException.Builder details) {
    super(details);
  }
}
