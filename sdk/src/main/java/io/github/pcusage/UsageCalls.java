package io.github.pcusage;

import io.github.pcusage.internal.api.UsageSummaryApi;
import io.github.pcusage.internal.api.UtilizationApi;
import io.github.pcusage.internal.http.BodyDecoder;
import io.github.pcusage.internal.http.CallEngine;
import io.github.pcusage.internal.http.CallSpec;
import io.github.pcusage.internal.http.Cancellation;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;

/**
 * The operations of {@link PartnerCenterClient}, each a method on the one engine: validate the
 * input, build the request with the generated Retrofit interface, and hand it to the {@link
 * CallEngine} (through the {@link ResourcePager} for a listing). A new operation is a method here.
 */
final class UsageCalls {
  /** What a utilization 404 usually means: its message says it, the one place it is said. */
  private static final String UTILIZATION_NOT_FOUND =
      "no relationship with the customer (code 20002), a wrong customer or subscription id"
          + " (20003), or an Azure plan subscription, which the utilization endpoint does not serve"
          + " (it serves legacy MS-AZR-0145P subscriptions only)";

  /** What a usage summary 404 usually means (Azure plan subscriptions do have a summary). */
  private static final String USAGE_SUMMARY_NOT_FOUND =
      "no relationship with the customer (code 20002) or a wrong customer or subscription id"
          + " (20003); the usage summary serves legacy and Azure plan subscriptions alike";

  private static final BodyDecoder<SubscriptionUsageSummary> SUMMARY =
      BodyDecoder.of(PartnerCenterJson.adapter(SubscriptionUsageSummary.class));

  private final HttpUrl apiRoot;
  private final CallEngine engine;
  private final UtilizationApi utilizationApi;
  private final UsageSummaryApi usageSummaryApi;
  private final ExecutorService prefetchExecutor;
  private final String correlationId;
  private final PartnerCenterCloud withoutUsage;

  UsageCalls(
      Wiring wiring, HttpUrl apiRoot, ExecutorService prefetchExecutor, String correlationId) {
    this.apiRoot = apiRoot;
    this.engine = wiring.engine();
    this.utilizationApi = wiring.api(UtilizationApi.class);
    this.usageSummaryApi = wiring.api(UsageSummaryApi.class);
    this.prefetchExecutor = prefetchExecutor;
    this.correlationId = correlationId;
    this.withoutUsage = PartnerCenterCloud.withoutUsageAt(apiRoot);
  }

  /** See {@link PartnerCenterClient#utilizations}. */
  PagedIterable<AzureUtilizationRecord> utilizations(
      String customerId, String subscriptionId, UtilizationQuery query) {
    checkOffered("Azure utilization records");
    Ids.check("customerId", customerId);
    Ids.check("subscriptionId", subscriptionId);
    Objects.requireNonNull(query, "query == null");
    Continuation start =
        Continuation.firstPage(customerId, subscriptionId, listingCorrelation(), query);
    ResourcePager<AzureUtilizationRecord> pager =
        new ResourcePager<>(
            engine,
            apiRoot,
            AzureUtilizationRecord.class,
            "GET utilization records of customer "
                + customerId
                + ", subscription "
                + subscriptionId,
            UTILIZATION_NOT_FOUND,
            start,
            (position, requestId, correlation) -> {
              UtilizationQuery q = position.query();
              return utilizationApi
                  .listAzureUtilizations(
                      customerId,
                      subscriptionId,
                      q.startTime(),
                      q.endTime(),
                      q.granularity(),
                      q.showDetails(),
                      q.pageSize(),
                      null,
                      requestId,
                      correlation,
                      null,
                      null)
                  .request();
            });
    return new PagedIterable<>(pager, prefetchExecutor);
  }

  /** See {@link PartnerCenterClient#usageSummary}. */
  SubscriptionUsageSummary usageSummary(String customerId, String subscriptionId) {
    checkOffered("usage summaries");
    Ids.check("customerId", customerId);
    Ids.check("subscriptionId", subscriptionId);
    String requestId = UUID.randomUUID().toString();
    okhttp3.Request request =
        usageSummaryApi
            .getSubscriptionUsageSummary(
                customerId, subscriptionId, requestId, listingCorrelation(), null)
            .request();
    String operation =
        "GET usage summary of customer " + customerId + ", subscription " + subscriptionId;
    CallSpec<SubscriptionUsageSummary> call =
        CallSpec.of(request, operation, SUMMARY)
            .noContent(CallSpec.NoContent.WAIT_FOR_DATA)
            .notFoundCauses(USAGE_SUMMARY_NOT_FOUND);
    return engine.execute(call, Cancellation.NONE).value();
  }

  private void checkOffered(String what) {
    if (withoutUsage != null) {
      throw new OperationNotOfferedException(
          withoutUsage.displayName()
              + " (API root "
              + apiRoot.toString().replaceAll("/+$", "")
              + ") does not offer "
              + what
              + ": it has neither the utilization nor the usage summary operation. Nothing was"
              + " sent");
    }
  }

  private String listingCorrelation() {
    return correlationId != null ? correlationId : UUID.randomUUID().toString();
  }
}
