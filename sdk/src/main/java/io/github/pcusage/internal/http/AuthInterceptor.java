package io.github.pcusage.internal.http;

import io.github.pcusage.AccessToken;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Third interceptor: adds {@code Authorization: Bearer} with a token fetched for every attempt (so
 * a long listing survives expiry), and after a {@code 401} retries once with a freshly fetched
 * token before surfacing the {@code 401}.
 */
final class AuthInterceptor implements Interceptor {
  private final TokenCache tokens;

  AuthInterceptor(TokenCache tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    AccessToken token = tokens.get();
    Response response = chain.proceed(withToken(request, token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    tokens.invalidate(token);
    return chain.proceed(withToken(request, tokens.get()));
  }

  private static Request withToken(Request request, AccessToken token) {
    return request
        .newBuilder()
        .header(HeaderNames.AUTHORIZATION, "Bearer " + token.token())
        .build();
  }
}
