package io.github.pcusage;

import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Partner Center usage client: Azure utilization records and subscription usage summaries.
 *
 * <p>Build one per application and share it: it is immutable and thread-safe. Close it when done.
 *
 * <pre>{@code
 * try (PartnerCenterClient client = PartnerCenterClient.builder()
 *     .tokenProvider(TokenProvider.of(System.getenv("PARTNER_CENTER_TOKEN")))
 *     .build()) {
 *   UtilizationQuery query = UtilizationQuery.builder()
 *       .startTime(OffsetDateTime.parse("2026-10-01T00:00:00Z"))
 *       .endTime(OffsetDateTime.parse("2026-11-01T00:00:00Z"))
 *       .build();
 *   PagedIterable<AzureUtilizationRecord> records =
 *       client.utilizations(customerId, subscriptionId, query);
 *   records.stream().forEach(r -> System.out.println(r.getResource().getName() + " " + r.getQuantity()));
 *
 *   SubscriptionUsageSummary summary = client.usageSummary(customerId, subscriptionId);
 * } catch (NotFoundException e) {
 *   // no relationship, wrong subscription id, or an Azure plan subscription
 * } catch (PartnerCenterException e) {
 *   // e.continuation() says where a failed listing can resume
 * }
 * }</pre>
 *
 * <p>Every request carries {@code Authorization}, {@code Accept: application/json}, {@code
 * MS-RequestId} (new per logical call, the same on its retries), {@code MS-CorrelationId} (one per
 * listing), {@code MS-Contract-Version: v1}, {@code X-Locale} and a {@code User-Agent}. Every call
 * runs through one engine (retries, the optional shared throttle, error mapping, decoding); each
 * attempt then passes the OkHttp interceptors in this order: tracking headers, auth, logging, then
 * the transport. Retry and paging defaults: {@link RetryPolicy}, {@link DataNotReadyPolicy}, {@link
 * PagedIterable}.
 */
public final class PartnerCenterClient implements AutoCloseable {
  /** The SDK version, as in the {@code User-Agent}. */
  public static final String VERSION = Wiring.loadVersion();

  private final HttpUrl apiRoot;
  private final Wiring wiring;
  private final ExecutorService prefetchExecutor;
  private final UsageCalls calls;

  private PartnerCenterClient(Builder b, HttpUrl apiRoot) {
    this.apiRoot = apiRoot;
    this.wiring = new Wiring(b, apiRoot);
    this.prefetchExecutor = b.prefetch ? Wiring.newPrefetchExecutor() : null;
    this.calls = new UsageCalls(wiring, apiRoot, prefetchExecutor, b.correlationId);
  }

  /**
   * Returns a new builder, for the public cloud by default.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lists the Azure utilization records of a customer's subscription. Lazy: nothing is sent until
   * the result is iterated, and each iteration runs the listing anew.
   *
   * @param customerId the customer (tenant) id
   * @param subscriptionId the subscription id (a legacy Azure subscription; Azure plan
   *     subscriptions answer {@link NotFoundException})
   * @param query the reporting window and options
   * @return the records, page by page on demand
   * @throws IllegalArgumentException if an id is blank, too long or holds {@code / ? # %},
   *     whitespace or {@code ..}
   * @throws OperationNotOfferedException if the client is built for {@link
   *     PartnerCenterCloud#CHINA}, which does not offer Azure utilization records (nothing is sent)
   */
  public PagedIterable<AzureUtilizationRecord> utilizations(
      String customerId, String subscriptionId, UtilizationQuery query) {
    return calls.utilizations(customerId, subscriptionId, query);
  }

  /**
   * Returns the usage summary of a customer's subscription for its current billing period. Needs an
   * app+user token. While the service answers {@code 204 No Content} (the data is not ready yet),
   * the call waits under the {@link DataNotReadyPolicy}, as the first page of a listing does, then
   * throws {@link DataNotReadyException}.
   *
   * @param customerId the customer (tenant) id
   * @param subscriptionId the subscription id
   * @return the summary
   * @throws IllegalArgumentException if an id is not valid
   * @throws OperationNotOfferedException if the client is built for {@link
   *     PartnerCenterCloud#CHINA}, which does not offer usage summaries (nothing is sent)
   * @throws PartnerCenterException if the call fails
   */
  public SubscriptionUsageSummary usageSummary(String customerId, String subscriptionId) {
    return calls.usageSummary(customerId, subscriptionId);
  }

  /**
   * Returns the API root this client calls, without {@code /v1}.
   *
   * @return the API root
   */
  public String apiRoot() {
    return apiRoot.toString().replaceAll("/+$", "");
  }

  /** Stops the prefetch threads and, if the client created its own OkHttp client, its resources. */
  @Override
  public void close() {
    if (prefetchExecutor != null) {
      prefetchExecutor.shutdownNow();
    }
    wiring.close();
  }

  @Override
  public String toString() {
    return "PartnerCenterClient{apiRoot="
        + apiRoot()
        + ", "
        + wiring
        + ", prefetch="
        + (prefetchExecutor != null)
        + "}";
  }

  /** Builds {@link PartnerCenterClient}s. Only {@link #tokenProvider} is required. */
  public static final class Builder {
    String baseUrl = PartnerCenterCloud.PUBLIC.apiRoot();
    TokenProvider tokenProvider;
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration readTimeout = Duration.ofSeconds(60);
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    DataNotReadyPolicy dataNotReadyPolicy = DataNotReadyPolicy.defaults();
    String locale = "en-US";
    String correlationId;
    String userAgentSuffix;
    OkHttpClient okHttpClient;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    Duration tokenRefreshSkew = Duration.ofMinutes(2);
    boolean prefetch = true;
    boolean sharedThrottle;
    long maxResponseBytes = 64L * 1024 * 1024;

    private Builder() {}

    /**
     * Sets the API root, without {@code /v1} (a trailing {@code /v1} is stripped). Plain {@code
     * http://} is refused except for loopback addresses; a user name or password ({@code
     * https://user:password@host}), a query or a fragment is refused, without repeating it.
     *
     * @param baseUrl for example {@code https://api.partnercenter.microsoft.com} (the default)
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUrl} is not such an API root
     */
    public Builder baseUrl(String baseUrl) {
      ApiRoot.parse(Objects.requireNonNull(baseUrl, "baseUrl == null"));
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the API root of a cloud. A client whose API root is that of {@link
     * PartnerCenterCloud#CHINA} (set here or with {@link #baseUrl}) refuses both operations, which
     * that cloud does not offer.
     *
     * @param cloud the cloud
     * @return this builder
     */
    public Builder cloud(PartnerCenterCloud cloud) {
      this.baseUrl = Objects.requireNonNull(cloud, "cloud == null").apiRoot();
      return this;
    }

    /**
     * Sets where tokens come from. Required.
     *
     * @param tokenProvider the provider, for example {@link TokenProvider#of(String)}
     * @return this builder
     */
    public Builder tokenProvider(TokenProvider tokenProvider) {
      this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider == null");
      return this;
    }

    /**
     * Sets the connect (and write) timeout; 10 s by default.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout; 60 s by default. A timeout is retried like any I/O failure.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Sets the retry policy; {@link RetryPolicy#defaults()} by default.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Sets what to do when the first page of a listing, or the usage summary, answers {@code 204}
     * (data not ready); {@link DataNotReadyPolicy#defaults()} by default, {@link
     * DataNotReadyPolicy#noWait()} to fail at once.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder dataNotReadyPolicy(DataNotReadyPolicy policy) {
      this.dataNotReadyPolicy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Sets the {@code X-Locale} header; {@code en-US} by default.
     *
     * @param locale a language tag such as {@code fr-FR}
     * @return this builder
     */
    public Builder locale(String locale) {
      Objects.requireNonNull(locale, "locale == null");
      if (!locale.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
        throw new IllegalArgumentException(
            "locale '" + locale + "' is not a language tag such as en-US");
      }
      this.locale = locale;
      return this;
    }

    /**
     * Sets one {@code MS-CorrelationId} for every call of this client; by default each listing and
     * each call gets its own.
     *
     * @param correlationId the id, printable ASCII
     * @return this builder
     */
    public Builder correlationId(String correlationId) {
      this.correlationId = headerSafe(correlationId, "correlationId");
      return this;
    }

    /**
     * Appends a product token to the {@code User-Agent}, for example {@code contoso-billing/2.1}.
     *
     * @param suffix printable ASCII
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = headerSafe(suffix, "userAgentSuffix");
      return this;
    }

    /**
     * Uses an existing OkHttp client (for its proxy, connection pool, dispatcher or TLS settings).
     * The SDK adds its interceptors to a derived client and leaves the given one unchanged;
     * redirects are not followed.
     *
     * @param okHttpClient the client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * Sets the clock used for token expiry and HTTP-date {@code Retry-After}; for tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets how the client waits between retries; for tests.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Sets how long before expiry a cached token is refreshed; 2 minutes by default.
     *
     * @param skew zero or more
     * @return this builder
     */
    public Builder tokenRefreshSkew(Duration skew) {
      this.tokenRefreshSkew = RetryPolicy.nonNegative(skew, "tokenRefreshSkew");
      return this;
    }

    /**
     * Sets whether a listing fetches the next page while the caller works on the current one; on by
     * default. At most one page is fetched ahead.
     *
     * @param prefetch false to fetch strictly on demand
     * @return this builder
     */
    public Builder prefetch(boolean prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /**
     * Sets whether a {@code 429 Too Many Requests} on any call of this client pauses every call of
     * the client: off by default. When on, after a call is throttled every call (of any listing or
     * operation of this client, prefetches and retries included) waits, before its next attempt,
     * until the throttled call's wait has passed: its {@code Retry-After} clamped to {@link
     * RetryPolicy#maxRetryAfter()}, or the backoff when it has none. Measured with the {@link
     * #clock(Clock)}, waited with the {@link #sleeper(Sleeper)}. For many listings run at once
     * against one partner's quota (such as an export of many subscriptions in parallel).
     *
     * @param sharedThrottle true to share a throttle between the client's calls
     * @return this builder
     */
    public Builder sharedThrottle(boolean sharedThrottle) {
      this.sharedThrottle = sharedThrottle;
      return this;
    }

    /**
     * Sets the largest response body accepted; larger ones fail with {@link TransportException}
     * instead of being buffered. 64 MiB by default.
     *
     * @param maxResponseBytes at least 1024
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024) {
        throw new IllegalArgumentException(
            "maxResponseBytes is " + maxResponseBytes + ": use at least 1024");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Returns the client.
     *
     * @return a new client
     * @throws IllegalArgumentException if no token provider is set, or the base URL is not valid or
     *     uses plain http to a host that is not loopback
     */
    public PartnerCenterClient build() {
      if (tokenProvider == null) {
        throw new IllegalArgumentException(
            "tokenProvider is required: pass TokenProvider.of(token) or your own TokenProvider");
      }
      return new PartnerCenterClient(this, ApiRoot.parse(baseUrl));
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " is " + d + ": use a positive duration");
      }
      return d;
    }

    private static String headerSafe(String value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isEmpty() || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(name + " must be non-empty printable ASCII");
      }
      return value;
    }
  }
}
