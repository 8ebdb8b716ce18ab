package io.github.pcusage;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The settings of a {@link PartnerCenterClient.Builder}, with their setters and defaults (each
 * setter's Javadoc is the one place its default is stated). Not API by name: callers see these
 * setters only as members of {@link PartnerCenterClient.Builder}, as {@code StringBuilder} shows
 * those of its package-private base.
 */
abstract class ClientOptions {
  String baseUrl = PartnerCenterCloud.PUBLIC.apiRoot();
  TokenProvider tokenProvider;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(60);
  Duration rateCardReadTimeout = Duration.ofSeconds(180);
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

  /**
   * Sets the API root, without {@code /v1} (a trailing {@code /v1} is stripped). Plain {@code
   * http://} is refused except for loopback addresses; a user name or password ({@code
   * https://user:password@host}), a query or a fragment is refused, without repeating it.
   *
   * @param baseUrl for example {@code https://api.partnercenter.microsoft.com} (the default)
   * @return this builder
   * @throws IllegalArgumentException if {@code baseUrl} is not such an API root
   */
  public PartnerCenterClient.Builder baseUrl(String baseUrl) {
    ApiRoot.parse(Objects.requireNonNull(baseUrl, "baseUrl == null"));
    this.baseUrl = baseUrl;
    return self();
  }

  /**
   * Sets the API root of a cloud. A client whose API root is that of {@link
   * PartnerCenterCloud#CHINA} (set here or with {@link #baseUrl}) refuses both operations, which
   * that cloud does not offer.
   *
   * @param cloud the cloud
   * @return this builder
   */
  public PartnerCenterClient.Builder cloud(PartnerCenterCloud cloud) {
    this.baseUrl = Objects.requireNonNull(cloud, "cloud == null").apiRoot();
    return self();
  }

  /**
   * Sets where tokens come from. Required.
   *
   * @param tokenProvider the provider, for example {@link TokenProvider#of(String)}
   * @return this builder
   */
  public PartnerCenterClient.Builder tokenProvider(TokenProvider tokenProvider) {
    this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider == null");
    return self();
  }

  /**
   * Sets the connect (and write) timeout; 10 s by default.
   *
   * @param timeout positive
   * @return this builder
   */
  public PartnerCenterClient.Builder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return self();
  }

  /**
   * Sets the read timeout; 60 s by default. A timeout is retried like any I/O failure. The rate
   * card has its own: {@link #rateCardReadTimeout}.
   *
   * @param timeout positive
   * @return this builder
   */
  public PartnerCenterClient.Builder readTimeout(Duration timeout) {
    this.readTimeout = positive(timeout, "readTimeout");
    return self();
  }

  /**
   * Sets the read timeout of the rate card call ({@link PartnerCenterClient#azureRateCard()}) only,
   * in place of {@link #readTimeout}: 180 s by default, as real cards are several MB and have taken
   * 20 to 120 s. A rate card call that times out is retried at most once.
   *
   * @param timeout positive
   * @return this builder
   */
  public PartnerCenterClient.Builder rateCardReadTimeout(Duration timeout) {
    this.rateCardReadTimeout = positive(timeout, "rateCardReadTimeout");
    return self();
  }

  /**
   * Sets the retry policy; {@link RetryPolicy#defaults()} by default.
   *
   * @param retryPolicy the policy
   * @return this builder
   */
  public PartnerCenterClient.Builder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    return self();
  }

  /**
   * Sets what to do when the first page of a listing, or the usage summary, answers {@code 204}
   * (data not ready); {@link DataNotReadyPolicy#defaults()} by default, {@link
   * DataNotReadyPolicy#noWait()} to fail at once.
   *
   * @param policy the policy
   * @return this builder
   */
  public PartnerCenterClient.Builder dataNotReadyPolicy(DataNotReadyPolicy policy) {
    this.dataNotReadyPolicy = Objects.requireNonNull(policy, "policy == null");
    return self();
  }

  /**
   * Sets the {@code X-Locale} header; {@code en-US} by default.
   *
   * @param locale a language tag such as {@code fr-FR}
   * @return this builder
   */
  public PartnerCenterClient.Builder locale(String locale) {
    Objects.requireNonNull(locale, "locale == null");
    if (!locale.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException(
          "locale '" + locale + "' is not a language tag such as en-US");
    }
    this.locale = locale;
    return self();
  }

  /**
   * Sets one {@code MS-CorrelationId} for every call of this client; by default each listing and
   * each call gets its own.
   *
   * @param correlationId the id, printable ASCII
   * @return this builder
   */
  public PartnerCenterClient.Builder correlationId(String correlationId) {
    this.correlationId = headerSafe(correlationId, "correlationId");
    return self();
  }

  /**
   * Appends a product token to the {@code User-Agent}, for example {@code contoso-billing/2.1}.
   *
   * @param suffix printable ASCII
   * @return this builder
   */
  public PartnerCenterClient.Builder userAgentSuffix(String suffix) {
    this.userAgentSuffix = headerSafe(suffix, "userAgentSuffix");
    return self();
  }

  /**
   * Uses an existing OkHttp client (for its proxy, connection pool, dispatcher or TLS settings).
   * The SDK adds its interceptors to a derived client and leaves the given one unchanged; redirects
   * are not followed.
   *
   * @param okHttpClient the client to derive from
   * @return this builder
   */
  public PartnerCenterClient.Builder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient == null");
    return self();
  }

  /**
   * Sets the clock used for token expiry and HTTP-date {@code Retry-After}; for tests.
   *
   * @param clock the clock
   * @return this builder
   */
  public PartnerCenterClient.Builder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }

  /**
   * Sets how the client waits between retries; for tests.
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public PartnerCenterClient.Builder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    return self();
  }

  /**
   * Sets how long before expiry a cached token is refreshed; 2 minutes by default.
   *
   * @param skew zero or more
   * @return this builder
   */
  public PartnerCenterClient.Builder tokenRefreshSkew(Duration skew) {
    this.tokenRefreshSkew = RetryPolicy.nonNegative(skew, "tokenRefreshSkew");
    return self();
  }

  /**
   * Sets whether a listing fetches the next page while the caller works on the current one; on by
   * default. At most one page is fetched ahead.
   *
   * @param prefetch false to fetch strictly on demand
   * @return this builder
   */
  public PartnerCenterClient.Builder prefetch(boolean prefetch) {
    this.prefetch = prefetch;
    return self();
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
  public PartnerCenterClient.Builder sharedThrottle(boolean sharedThrottle) {
    this.sharedThrottle = sharedThrottle;
    return self();
  }

  /**
   * Sets the largest response body accepted; larger ones fail with {@link TransportException}
   * instead of being buffered. 64 MiB by default.
   *
   * @param maxResponseBytes at least 1024
   * @return this builder
   */
  public PartnerCenterClient.Builder maxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException(
          "maxResponseBytes is " + maxResponseBytes + ": use at least 1024");
    }
    this.maxResponseBytes = maxResponseBytes;
    return self();
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

  private PartnerCenterClient.Builder self() {
    return (PartnerCenterClient.Builder) this;
  }
}
