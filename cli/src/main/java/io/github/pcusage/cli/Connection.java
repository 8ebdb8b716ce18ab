package io.github.pcusage.cli;

import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.sandbox.Sandbox;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * An open connection of one run: the SDK client (with its shared throttle on, so that a 429 on one
 * export target pauses the requests of every target), the OkHttp client under it (proxies), and the
 * embedded sandbox when {@code --sandbox} is set. Retries, {@code Retry-After} and the throttle are
 * the SDK's; the CLI keeps none of its own.
 */
public final class Connection implements AutoCloseable {
  private static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(5);

  /** The SDK client. */
  public final PartnerCenterClient client;

  private final OkHttpClient http;
  private final Sandbox sandbox;

  private Connection(PartnerCenterClient client, OkHttpClient http, Sandbox sandbox) {
    this.client = client;
    this.http = http;
    this.sandbox = sandbox;
  }

  /**
   * Opens a connection as the options say.
   *
   * @param o the options
   * @param ctx the run
   * @return the connection
   */
  public static Connection open(ConnectionOptions o, RunContext ctx) {
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
    OkHttpClient.Builder httpBuilder = new OkHttpClient.Builder();
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
              .sharedThrottle(true)
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
      return new Connection(builder.build(), http, sandbox);
    } catch (IllegalArgumentException e) {
      close(http, sandbox);
      throw CliException.usage(Failures.optionNames(e.getMessage()));
    } catch (RuntimeException e) {
      close(http, sandbox);
      throw e;
    }
  }

  /** Closes the client, and stops the sandbox if one was started. */
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
