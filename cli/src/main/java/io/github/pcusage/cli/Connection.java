package io.github.pcusage.cli;

import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.Sleeper;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.sandbox.Sandbox;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * An open connection of one run: the SDK client, the OkHttp client under it (proxies and the {@link
 * SharedThrottle}), and the embedded sandbox when {@code --sandbox} is set.
 *
 * <p>The interceptor order of a call: {@link RawPageCapture} (application interceptor, outermost,
 * JSONL only: it sees each call's final answer) -> the SDK's own (request id -> retry -> auth ->
 * logging) -> {@link SharedThrottle} (network interceptor: every attempt) -> transport.
 */
final class Connection implements AutoCloseable {
  private static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(5);

  final PartnerCenterClient client;
  final SharedThrottle throttle;

  /** The most attempts of one request, as in the client's retry policy. */
  final int maxAttempts;

  private final OkHttpClient http;
  private final Sandbox sandbox;

  private Connection(
      PartnerCenterClient client,
      SharedThrottle throttle,
      int maxAttempts,
      OkHttpClient http,
      Sandbox sandbox) {
    this.client = client;
    this.throttle = throttle;
    this.maxAttempts = maxAttempts;
    this.http = http;
    this.sandbox = sandbox;
  }

  static Connection open(ConnectionOptions o, RunContext ctx) {
    return open(o, ctx, null);
  }

  /**
   * Opens a connection; {@code raw}, when not null, keeps the utilization pages as received (for
   * JSONL) and is installed first, around the SDK's own interceptors.
   */
  static Connection open(ConnectionOptions o, RunContext ctx, RawPageCapture raw) {
    if (o.sandbox && o.baseUrl != null) {
      throw CliException.usage("--sandbox and --base-url exclude each other: choose one");
    }
    Duration maxWait = o.retryMaxWait != null ? o.retryMaxWait : DEFAULT_MAX_WAIT;
    RetryPolicy.Builder retry = RetryPolicy.builder().maxRetryAfter(maxWait);
    if (maxWait.compareTo(Duration.ofSeconds(30)) < 0) {
      retry.maxBackoff(maxWait);
      if (maxWait.compareTo(Duration.ofSeconds(1)) < 0) {
        retry.initialBackoff(maxWait);
      }
    }
    if (o.retryMaxAttempts != null) {
      try {
        retry.maxAttempts(o.retryMaxAttempts);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(
            "--retry-max-attempts must be from 1 to 100: " + o.retryMaxAttempts);
      }
    }
    DataNotReadyPolicy notReady =
        o.noWait
            ? DataNotReadyPolicy.noWait()
            : o.retryMaxWait == null
                ? DataNotReadyPolicy.defaults()
                : DataNotReadyPolicy.of(
                    DataNotReadyPolicy.defaults().maxRetries(),
                    min(DataNotReadyPolicy.defaults().defaultDelay(), maxWait),
                    maxWait);
    TokenProvider tokens = Credentials.tokenProvider(o, ctx);
    SharedThrottle throttle = new SharedThrottle(maxWait, Sleeper.SYSTEM, System::nanoTime);
    OkHttpClient.Builder httpBuilder = new OkHttpClient.Builder();
    if (raw != null) {
      httpBuilder.addInterceptor(raw);
    }
    httpBuilder.addNetworkInterceptor(throttle);
    Proxies.apply(httpBuilder, ctx.env);
    OkHttpClient http = httpBuilder.build();
    Sandbox sandbox = null;
    try {
      RetryPolicy retryPolicy = retry.build();
      PartnerCenterClient.Builder builder =
          PartnerCenterClient.builder()
              .okHttpClient(http)
              .tokenProvider(tokens)
              .retryPolicy(retryPolicy)
              .dataNotReadyPolicy(notReady)
              .userAgentSuffix("pcusage-cli/" + PartnerCenterClient.VERSION);
      if (o.sandbox) {
        sandbox = Sandbox.builder().port(0).seed(o.sandboxSeed).start();
        builder.baseUrl(sandbox.baseUrl());
        if (o.verbose) {
          ctx.error("sandbox (seed " + o.sandboxSeed + ") listening on " + sandbox.baseUrl());
        }
      } else if (o.baseUrl != null) {
        builder.baseUrl(o.baseUrl);
      } else {
        builder.cloud(o.cloud.cloud);
      }
      return new Connection(builder.build(), throttle, retryPolicy.maxAttempts(), http, sandbox);
    } catch (IllegalArgumentException e) {
      close(http, sandbox);
      throw CliException.usage(Failures.optionNames(e.getMessage()));
    } catch (RuntimeException e) {
      close(http, sandbox);
      throw e;
    }
  }

  @Override
  public void close() {
    client.close();
    close(http, sandbox);
  }

  private static void close(OkHttpClient http, Sandbox sandbox) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
