package io.github.pcusage;

/** Header names used by the client. */
final class HeaderNames {
  static final String REQUEST_ID = "MS-RequestId";
  static final String CORRELATION_ID = "MS-CorrelationId";
  static final String SERVER_ID = "MS-ServerId";
  static final String CONTINUATION_TOKEN = "MS-ContinuationToken";
  static final String RETRY_AFTER = "Retry-After";
  static final String AUTHORIZATION = "Authorization";

  private HeaderNames() {}
}
