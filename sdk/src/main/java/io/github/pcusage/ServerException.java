package io.github.pcusage;

/** The service failed ({@code 5xx}) on every attempt the {@link RetryPolicy} allowed. */
public final class ServerException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  ServerException(Failure failure) {
    super(failure);
  }
}
