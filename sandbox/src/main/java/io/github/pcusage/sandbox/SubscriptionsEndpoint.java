package io.github.pcusage.sandbox;

/**
 * {@code GET /v1/customers/{c}/subscriptions}: every subscription of a customer of the data set in
 * one collection without {@code links.next}. An unknown customer is a 404 (code 60003). A failing
 * scenario id as the customer (e.g. {@code scenario-forbidden}, {@code scenario-throttled-1})
 * answers its failure as on the usage operations; other scenario ids are unknown customers.
 */
final class SubscriptionsEndpoint {
  private final Dataset dataset;
  private final Scenarios scenarios;
  private final DirectoryWriter writer;
  private final Replies replies;

  SubscriptionsEndpoint(Dataset dataset, Scenarios scenarios, WireWriter writer, Replies replies) {
    this.dataset = dataset;
    this.scenarios = scenarios;
    this.writer = writer.directory();
    this.replies = replies;
  }

  Reply handle(ApiRequest request) {
    String customerId = request.customerId;
    PairState state = scenarios.state(customerId, "");
    if (state != null && PairState.take(state.failing)) {
      return replies.failure(state.failStatus, state.retryAfterDate, customerId);
    }
    if (!dataset.hasCustomer(customerId)) {
      return replies.error(ApiError.customerNotFound(customerId));
    }
    return Reply.ok(writer.subscriptions(customerId, dataset.subscriptions(customerId)));
  }
}
