package io.github.pcusage;

/**
 * The service refused the request as invalid ({@code 400 Bad Request}). Not retried: fix the input
 * that {@link #description()} names.
 */
public final class BadRequestException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  BadRequestException(Failure failure) {
    super(failure);
  }
}
