package io.github.pcusage;

/**
 * The call was not authenticated ({@code 401 Unauthorized}) even after one retry with a fresh
 * token, or no token could be obtained (status 0). Check the token's audience, tenant and expiry.
 */
public final class UnauthorizedException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(Failure failure) {
    super(failure);
  }
}
