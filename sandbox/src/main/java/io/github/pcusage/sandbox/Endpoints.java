package io.github.pcusage.sandbox;

/** The operations a sandbox serves, one endpoint object each. */
record Endpoints(
    UtilizationEndpoint utilization,
    UsageSummaryEndpoint usageSummary,
    CustomersEndpoint customers,
    SubscriptionsEndpoint subscriptions,
    RateCardEndpoint rateCard) {

  /** Answers a routed request from the endpoint of its operation. */
  Reply handle(ApiRequest request, String localeHeader) {
    switch (request.operation) {
      case UTILIZATION:
        return utilization.handle(request);
      case USAGE_SUMMARY:
        return usageSummary.handle(request);
      case CUSTOMERS:
        return customers.handle(request);
      case SUBSCRIPTIONS:
        return subscriptions.handle(request);
      default:
        return rateCard.handle(request, localeHeader);
    }
  }
}
