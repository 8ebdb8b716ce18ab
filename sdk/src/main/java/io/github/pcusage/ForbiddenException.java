package io.github.pcusage;

/**
 * The caller is authenticated but may not make this call ({@code 403 Forbidden}). The usage summary
 * needs an app+user token; app-only tokens are refused there.
 */
public final class ForbiddenException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  ForbiddenException(Failure failure) {
    super(failure);
  }
}
