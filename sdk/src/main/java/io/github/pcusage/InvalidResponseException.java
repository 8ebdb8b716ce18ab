package io.github.pcusage;

/**
 * The service answered with a body that is not valid for the API's schema: not JSON, a wrong type,
 * or a missing required field. The message names the JSON path and shows a snippet of the body.
 */
public final class InvalidResponseException extends PartnerCenterException {
  private static final long serialVersionUID = 1L;

  InvalidResponseException(Failure failure) {
    super(failure);
  }
}
