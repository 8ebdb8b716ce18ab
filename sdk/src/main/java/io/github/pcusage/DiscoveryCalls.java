package io.github.pcusage;

import io.github.pcusage.internal.api.CustomersApi;
import io.github.pcusage.internal.api.RateCardsApi;
import io.github.pcusage.internal.api.SubscriptionsApi;
import io.github.pcusage.internal.http.BodyDecoder;
import io.github.pcusage.internal.http.CallEngine;
import io.github.pcusage.internal.http.CallSpec;
import io.github.pcusage.internal.http.Cancellation;
import io.github.pcusage.internal.http.CollectionDecoder;
import io.github.pcusage.internal.http.Received;
import io.github.pcusage.internal.http.ResourceCollection;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.model.Customer;
import io.github.pcusage.model.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The operations that find and price what the usage operations read: the partner's customers, a
 * customer's subscriptions and the Azure rate card. Each is a method on the one engine, as in
 * {@link UsageCalls}: validate the input, build the request with the generated Retrofit interface,
 * and hand it to the {@link CallEngine} (through the {@link ResourcePager} for the customer
 * listing).
 */
final class DiscoveryCalls {
  /**
   * The Partner Center code of a {@code 400} that ends the customer listing on a follow-up page.
   */
  static final String END_OF_CUSTOMERS_CODE = "2000";

  /** How often a rate card call that timed out is retried. */
  static final int RATE_CARD_TIMEOUT_RETRIES = 1;

  private static final String CUSTOMERS_NOT_FOUND =
      "an API root that is not Partner Center's (the listing names no customer to be wrong)";
  private static final String SUBSCRIPTIONS_NOT_FOUND =
      "no relationship with the customer or a wrong customer id (a code such as 60003, tenant not"
          + " found)";
  private static final String RATE_CARD_NOT_FOUND =
      "an API root that is not Partner Center's, or a currency or market the offer is not sold in";

  private static final CollectionDecoder<Subscription> SUBSCRIPTIONS =
      new CollectionDecoder<>(Subscription.class);
  private static final BodyDecoder<AzureRateCard> RATE_CARD =
      BodyDecoder.of(PartnerCenterJson.adapter(AzureRateCard.class));

  private final HttpUrl apiRoot;
  private final CallEngine engine;
  private final CustomersApi customersApi;
  private final SubscriptionsApi subscriptionsApi;
  private final RateCardsApi rateCardsApi;
  private final ExecutorService prefetchExecutor;
  private final String correlationId;
  private final Duration rateCardReadTimeout;

  DiscoveryCalls(
      Wiring wiring,
      HttpUrl apiRoot,
      ExecutorService prefetchExecutor,
      String correlationId,
      Duration rateCardReadTimeout) {
    this.apiRoot = apiRoot;
    this.engine = wiring.engine();
    this.customersApi = wiring.api(CustomersApi.class);
    this.subscriptionsApi = wiring.api(SubscriptionsApi.class);
    this.rateCardsApi = wiring.api(RateCardsApi.class);
    this.prefetchExecutor = prefetchExecutor;
    this.correlationId = correlationId;
    this.rateCardReadTimeout = rateCardReadTimeout;
  }

  /** See {@link PartnerCenterClient#customers(CustomerQuery)}. */
  PagedIterable<Customer> customers(CustomerQuery query) {
    Objects.requireNonNull(query, "query == null");
    Continuation start = Continuation.firstCustomersPage(correlation(), query);
    ResourcePager<Customer> pager =
        new ResourcePager<>(
                engine,
                apiRoot,
                Customer.class,
                "GET customers",
                CUSTOMERS_NOT_FOUND,
                start,
                (position, requestId, correlation) -> {
                  CustomerQuery q = position.customerQuery();
                  return customersApi
                      .listCustomers(
                          q.pageSize(), q.filterJson(), null, requestId, correlation, null, null)
                      .request();
                })
            .endsOnFollowUpCode(END_OF_CUSTOMERS_CODE);
    return new PagedIterable<>(pager, prefetchExecutor);
  }

  /** See {@link PartnerCenterClient#subscriptions(String)}. */
  List<Subscription> subscriptions(String customerId) {
    Ids.check("customerId", customerId);
    String requestId = UUID.randomUUID().toString();
    Request request =
        subscriptionsApi
            .listCustomerSubscriptions(customerId, requestId, correlation(), null)
            .request();
    Received<ResourceCollection<Subscription>> received =
        engine.execute(
            CallSpec.of(request, "GET subscriptions of customer " + customerId, SUBSCRIPTIONS)
                .notFoundCauses(SUBSCRIPTIONS_NOT_FOUND),
            Cancellation.NONE);
    ResourceCollection<Subscription> collection = received.value();
    if (collection.links() != null && collection.links().getNext() != null) {
      throw engine
          .errors()
          .paging(
              "the subscriptions of customer " + customerId,
              "the response carries a next link, but this collection is not paged; its further"
                  + " pages would be lost",
              received.requestId(),
              received.correlationId(),
              null);
    }
    return collection.items();
  }

  /** See {@link PartnerCenterClient#azureRateCard(RateCardQuery)}. */
  AzureRateCard azureRateCard(RateCardQuery query) {
    Objects.requireNonNull(query, "query == null");
    String requestId = UUID.randomUUID().toString();
    Request request =
        rateCardsApi
            .getAzureRateCard(
                query.currency(), query.region(), query.locale(), requestId, correlation(), null)
            .request();
    String operation =
        "GET Azure rate card"
            + (query.currency() == null ? "" : " in " + query.currency())
            + (query.region() == null ? "" : " for market " + query.region());
    CallSpec<AzureRateCard> call =
        CallSpec.of(request, operation, RATE_CARD)
            .notFoundCauses(RATE_CARD_NOT_FOUND)
            .readTimeout(rateCardReadTimeout, RATE_CARD_TIMEOUT_RETRIES);
    return engine.execute(call, Cancellation.NONE).value();
  }

  private String correlation() {
    return correlationId != null ? correlationId : UUID.randomUUID().toString();
  }
}
