package io.github.pcusage;

import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.Customer;
import io.github.pcusage.model.Subscription;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.util.List;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;

/**
 * The Partner Center usage client: Azure utilization records and subscription usage summaries, and
 * the customers, subscriptions and rate card that find and price them.
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
 *
 *   for (Customer customer : client.customers()) {                  // every customer, lazily
 *     for (Subscription s : client.subscriptions(customer.getId())) {
 *       if (SubscriptionKind.of(s) == SubscriptionKind.SERVED) { ... } // legacy Azure: has records
 *     }
 *   }
 *   AzureRateCard card = client.azureRateCard(RateCardQuery.builder().currency("EUR").build());
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
  private final DiscoveryCalls discovery;

  private PartnerCenterClient(Builder b, HttpUrl apiRoot) {
    this.apiRoot = apiRoot;
    this.wiring = new Wiring(b, apiRoot);
    this.prefetchExecutor = b.prefetch ? Wiring.newPrefetchExecutor() : null;
    this.calls = new UsageCalls(wiring, apiRoot, prefetchExecutor, b.correlationId);
    this.discovery =
        new DiscoveryCalls(
            wiring, apiRoot, prefetchExecutor, b.correlationId, b.rateCardReadTimeout);
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
   * Lists every customer of the partner, in pages of 500. Same as {@code
   * customers(CustomerQuery.builder().build())}.
   *
   * @return the customers, page by page on demand
   */
  public PagedIterable<Customer> customers() {
    return discovery.customers(CustomerQuery.builder().build());
  }

  /**
   * Lists the partner's customers, lazily, with the paging guarantees of {@link #utilizations}:
   * every page followed from its next link (in any form the service writes it, on the API root's
   * host only), its continuation token sent byte for byte, an empty or repeated token refused, a
   * failed follow-up page retried, and a saved {@link Continuation} resumed with {@link
   * PagedIterable#byPage(Continuation)}. A {@code 400} with Partner Center code 2000 on a follow-up
   * page ends the listing (logged at warn with its {@code MS-RequestId}), as Microsoft's tooling
   * reads it; on the first page it is a {@link BadRequestException}.
   *
   * @param query the page size and an optional name or domain prefix
   * @return the customers, page by page on demand
   */
  public PagedIterable<Customer> customers(CustomerQuery query) {
    return discovery.customers(query);
  }

  /**
   * Returns every subscription of a customer: legacy Azure, Azure plan, licence and new-commerce
   * ones alike. {@link SubscriptionKind#of} tells which the utilization listing serves. The service
   * sends them in one collection, not paged.
   *
   * @param customerId the customer (tenant) id
   * @return the subscriptions, unmodifiable
   * @throws IllegalArgumentException if the id is not valid
   * @throws PagingException if the response carries a next link (its further pages would be lost)
   * @throws PartnerCenterException if the call fails
   */
  public List<Subscription> subscriptions(String customerId) {
    return discovery.subscriptions(customerId);
  }

  /**
   * Returns the Azure rate card (the prices of the legacy CSP Azure offer) in the partner profile's
   * currency and market. Same as {@code azureRateCard(RateCardQuery.builder().build())}.
   *
   * @return the rate card
   */
  public AzureRateCard azureRateCard() {
    return discovery.azureRateCard(RateCardQuery.builder().build());
  }

  /**
   * Returns the Azure rate card in a currency, market and language. Prices are exact ({@code
   * BigDecimal}). The call waits up to {@link Builder#rateCardReadTimeout} (180 s by default) for
   * the card, which is several MB and slow, and retries a timed-out attempt at most once.
   *
   * @param query the currency, market and language
   * @return the rate card
   * @throws PartnerCenterException if the call fails
   */
  public AzureRateCard azureRateCard(RateCardQuery query) {
    return discovery.azureRateCard(query);
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

  /**
   * Builds {@link PartnerCenterClient}s. Only {@link #tokenProvider} is required; every other
   * setting has the default its setter states.
   */
  public static final class Builder extends ClientOptions {
    private Builder() {}

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
  }
}
