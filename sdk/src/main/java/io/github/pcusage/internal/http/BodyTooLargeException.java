package io.github.pcusage.internal.http;

import java.io.IOException;

/** A response body passed the configured size limit; refused, never retried. */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  BodyTooLargeException(long limit) {
    super(
        "the response body is larger than the limit of "
            + limit
            + " bytes (PartnerCenterClient.Builder.maxResponseBytes)");
  }
}
