package io.github.pcusage.internal.http;

import io.github.pcusage.TokenProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * The OkHttp client and Retrofit instance under {@link CallEngine}. The interceptor order, written
 * down once: a call's own read timeout, if it has one -> tracking headers ({@code MS-RequestId} and
 * friends, set once per logical call by the engine) -> auth (a fresh token on every attempt, one
 * retry after a {@code 401}) -> logging -> transport. Redirects are not followed. Retrofit only
 * builds requests from the generated interfaces; the engine sends them and decodes the bodies.
 */
public final class HttpStack {
  private HttpStack() {}

  /** What the interceptors need. */
  public static final class Settings {
    final String correlationId;
    final String locale;
    final String userAgent;
    TokenCache tokens;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(60);

    /**
     * @param correlationId the client's fixed {@code MS-CorrelationId}, or {@code null}
     * @param locale the {@code X-Locale}
     * @param userAgent the {@code User-Agent}
     */
    public Settings(String correlationId, String locale, String userAgent) {
      this.correlationId = correlationId;
      this.locale = locale;
      this.userAgent = userAgent;
    }

    /**
     * Sets where tokens come from.
     *
     * @param provider the provider
     * @param clock the clock of token expiry
     * @param refreshSkew how long before expiry a token is refreshed
     * @return this
     */
    public Settings tokens(TokenProvider provider, Clock clock, Duration refreshSkew) {
      this.tokens = new TokenCache(provider, clock, refreshSkew);
      return this;
    }

    /**
     * Sets the timeouts.
     *
     * @param connect the connect and write timeout
     * @param read the read timeout
     * @return this
     */
    public Settings timeouts(Duration connect, Duration read) {
      this.connectTimeout = connect;
      this.readTimeout = read;
      return this;
    }
  }

  /**
   * Derives the SDK's OkHttp client from {@code base}, which is left unchanged.
   *
   * @param base the caller's client, or a new one
   * @param settings the interceptors' settings
   * @return the derived client
   */
  public static OkHttpClient okHttp(OkHttpClient base, Settings settings) {
    return base.newBuilder()
        .addInterceptor(new ReadTimeoutInterceptor())
        .addInterceptor(
            new TrackingHeadersInterceptor(
                settings.correlationId, settings.locale, settings.userAgent))
        .addInterceptor(new AuthInterceptor(settings.tokens))
        .addInterceptor(new LoggingInterceptor())
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(settings.connectTimeout)
        .readTimeout(settings.readTimeout)
        .writeTimeout(settings.connectTimeout)
        .build();
  }

  /**
   * Returns the Retrofit that builds requests from the generated interfaces, relative to {@code
   * apiRoot} plus {@code /v1/}.
   *
   * @param http the client
   * @param apiRoot the API root
   * @return the Retrofit
   */
  public static Retrofit retrofit(OkHttpClient http, HttpUrl apiRoot) {
    return new Retrofit.Builder()
        .baseUrl(apiRoot.newBuilder().addPathSegment("v1").addPathSegment("").build())
        .client(http)
        .addConverterFactory(new RequestOnlyConverters())
        .validateEagerly(true)
        .build();
  }

  /**
   * Formats {@link OffsetDateTime} query parameters as ISO-8601 with seconds and offset; response
   * bodies are never converted by Retrofit (the engine decodes them).
   */
  private static final class RequestOnlyConverters extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      return body -> {
        body.close();
        throw new UnsupportedOperationException("response bodies are decoded by CallEngine");
      };
    }

    @Override
    public Converter<?, String> stringConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      if (type == OffsetDateTime.class) {
        return value -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
      }
      return null;
    }
  }
}
