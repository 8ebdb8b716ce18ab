package io.github.pcusage.internal.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Gives a call its own read timeout (the rate card's, which answers slowly) instead of the
 * client's, from the {@link CallState} tag the engine sets on each attempt.
 */
final class ReadTimeoutInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    CallState state = chain.request().tag(CallState.class);
    if (state == null || state.readTimeout == null) {
      return chain.proceed(chain.request());
    }
    return chain
        .withReadTimeout(
            (int) Math.min(Integer.MAX_VALUE, state.readTimeout.toMillis()), TimeUnit.MILLISECONDS)
        .proceed(chain.request());
  }
}
