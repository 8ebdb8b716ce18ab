package io.github.pcusage.internal.http;

import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Gives every logical call its headers before the retry loop, so every retry of a call carries the
 * same {@code MS-RequestId}: {@code Accept}, {@code MS-RequestId} (a new UUID unless the caller set
 * one), {@code MS-CorrelationId}, {@code MS-Contract-Version}, {@code X-Locale} and {@code
 * User-Agent}.
 */
final class TrackingHeadersInterceptor implements Interceptor {
  private final String correlationId;
  private final String locale;
  private final String userAgent;

  TrackingHeadersInterceptor(String correlationId, String locale, String userAgent) {
    this.correlationId = correlationId;
    this.locale = locale;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder = request.newBuilder().header("Accept", "application/json");
    if (request.header(HeaderNames.REQUEST_ID) == null) {
      builder.header(HeaderNames.REQUEST_ID, UUID.randomUUID().toString());
    }
    if (request.header(HeaderNames.CORRELATION_ID) == null) {
      builder.header(
          HeaderNames.CORRELATION_ID,
          correlationId != null ? correlationId : UUID.randomUUID().toString());
    }
    builder.header("MS-Contract-Version", "v1");
    if (request.header("X-Locale") == null) {
      builder.header("X-Locale", locale); // a call's own X-Locale (the rate card's) wins
    }
    builder.header("User-Agent", userAgent);
    return chain.proceed(builder.build());
  }
}
