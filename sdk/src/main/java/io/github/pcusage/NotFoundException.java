package io.github.pcusage;

/**
 * Not found ({@code 404}). The usual causes: the partner has no relationship with the customer
 * (code 20002), a wrong subscription id (20003), or an Azure plan subscription, which the
 * utilization endpoint does not serve (it serves legacy MS-AZR-0145P subscriptions).
 */
public final class NotFoundException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  NotFoundException(Failure failure) {
    super(failure);
  }
}
