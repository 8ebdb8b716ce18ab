package io.github.pcusage;

import io.github.pcusage.internal.http.CallEngine;
import io.github.pcusage.internal.http.ErrorMapper;
import io.github.pcusage.internal.http.HttpStack;
import io.github.pcusage.internal.http.RetryStrategy;
import io.github.pcusage.internal.http.Throttle;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Assembles a client from its builder: the OkHttp client with the SDK's interceptors ({@link
 * HttpStack}), the Retrofit interfaces that describe the requests, and the {@link CallEngine} that
 * runs every call.
 */
final class Wiring {
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final Retrofit retrofit;
  private final CallEngine engine;
  private final String description;

  Wiring(ClientOptions b, HttpUrl apiRoot) {
    this.ownsHttp = b.okHttpClient == null;
    String userAgent =
        "partner-center-usage-java/"
            + PartnerCenterClient.VERSION
            + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
    this.http =
        HttpStack.okHttp(
            b.okHttpClient != null ? b.okHttpClient : new OkHttpClient(),
            new HttpStack.Settings(b.correlationId, b.locale, userAgent)
                .tokens(b.tokenProvider, b.clock, b.tokenRefreshSkew)
                .timeouts(b.connectTimeout, b.readTimeout));
    this.retrofit = HttpStack.retrofit(http, apiRoot);
    Throttle throttle = b.sharedThrottle ? Throttle.shared(b.clock) : Throttle.none();
    this.engine =
        new CallEngine(
            http,
            new RetryStrategy(b.retryPolicy, b.dataNotReadyPolicy, b.clock, new SecureRandom()),
            throttle,
            b.sleeper,
            b.maxResponseBytes,
            new ErrorMapper(b.clock));
    this.description =
        "retryPolicy="
            + b.retryPolicy
            + ", dataNotReadyPolicy="
            + b.dataNotReadyPolicy
            + ", sharedThrottle="
            + b.sharedThrottle;
  }

  CallEngine engine() {
    return engine;
  }

  <A> A api(Class<A> type) {
    return retrofit.create(type);
  }

  void close() {
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  static ExecutorService newPrefetchExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "pcusage-prefetch-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
  }

  static String loadVersion() {
    try (InputStream in = PartnerCenterClient.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version");
      if (version == null || version.isBlank() || version.contains("${")) {
        // The resource is not filtered by the build: fall back to the jar manifest.
        version = PartnerCenterClient.class.getPackage().getImplementationVersion();
      }
      return version == null || version.isBlank() ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
