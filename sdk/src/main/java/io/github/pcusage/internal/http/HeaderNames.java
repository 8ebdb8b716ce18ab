package io.github.pcusage.internal.http;

/** Header names used by the client. */
public final class HeaderNames {
  public static final String REQUEST_ID = "MS-RequestId";
  public static final String CORRELATION_ID = "MS-CorrelationId";
  public static final String SERVER_ID = "MS-ServerId";
  public static final String CONTINUATION_TOKEN = "MS-ContinuationToken";
  public static final String RETRY_AFTER = "Retry-After";
  public static final String AUTHORIZATION = "Authorization";

  private HeaderNames() {}
}
