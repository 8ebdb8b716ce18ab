package io.github.pcusage.internal.http;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last interceptor: logs each attempt at debug level (logger {@code io.github.pcusage.http}):
 * method, path, status, attempt, elapsed time and request id. Query values are printed only for an
 * allowlist of parameters, others as {@code REDACTED}; no header value other than the request id is
 * ever printed, so neither the bearer token nor a continuation token can reach a log.
 */
final class LoggingInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.pcusage.http");
  private static final Set<String> SHOWN_QUERY_PARAMETERS =
      Set.of(
          "start_time",
          "end_time",
          "granularity",
          "show_details",
          "size",
          "seek_operation",
          "seekOperation",
          "currency",
          "region"); // not filter: it holds a customer's name or domain

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(chain.request());
    }
    Request request = chain.request();
    CallState state = request.tag(CallState.class);
    int attempt = state == null ? 1 : state.attempt;
    String path = redactedPath(request.url());
    String requestId = request.header(HeaderNames.REQUEST_ID);
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      LOG.debug(
          "{} {} -> {} attempt {} in {} ms request-id {}",
          request.method(),
          path,
          response.code(),
          attempt,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          requestId);
      return response;
    } catch (IOException e) {
      LOG.debug(
          "{} {} -> {} attempt {} in {} ms request-id {}",
          request.method(),
          path,
          e.getClass().getSimpleName(),
          attempt,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          requestId);
      throw e;
    }
  }

  /** Returns the URL's path and query, with query values outside the allowlist redacted. */
  static String redactedPath(HttpUrl url) {
    StringBuilder out = new StringBuilder(url.encodedPath());
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      out.append(i == 0 ? '?' : '&').append(name);
      if (value != null) {
        out.append('=').append(SHOWN_QUERY_PARAMETERS.contains(name) ? value : "REDACTED");
      }
    }
    return out.toString();
  }
}
