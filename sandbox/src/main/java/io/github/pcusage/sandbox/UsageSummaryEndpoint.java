package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/customers/{c}/subscriptions/{s}/usagesummary}: one object whose {@code totalCost}
 * prices the pair's daily records reported in the billing period [2026-10-01, 2026-11-01) UTC with
 * the rate card: per meter, the period's summed quantity priced by {@link PriceTable#cost} (the
 * graduated rule), summed over the meters and rounded once to {@link PriceTable#MONEY_SCALE}
 * digits. An Azure plan's {@code usdTotalCost} is that rounded total times {@link
 * PriceTable#EUR_TO_USD}, rounded again. A licence or new-commerce subscription is a 400 (800011).
 */
final class UsageSummaryEndpoint {
  /** The start of the billing period, inclusive. */
  static final OffsetDateTime BILLING_START =
      OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** The end of the billing period, exclusive. */
  static final OffsetDateTime BILLING_END =
      OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private static final String[] LOCALES = {"en-US", "fr-FR", "de-DE", "en-GB", "nl-NL", "ja-JP"};

  private final Dataset dataset;
  private final Scenarios scenarios;
  private final WireWriter writer;
  private final Replies replies;

  UsageSummaryEndpoint(Dataset dataset, Scenarios scenarios, WireWriter writer, Replies replies) {
    this.dataset = dataset;
    this.scenarios = scenarios;
    this.writer = writer;
    this.replies = replies;
  }

  Reply handle(ApiRequest request) {
    String customerId = request.customerId;
    String subscriptionId = request.subscriptionId;
    PairState state = scenarios.state(customerId, subscriptionId);
    SubscriptionKind kind = dataset.kind(customerId, subscriptionId);
    if (state == null && kind == null) {
      return replies.error(ApiError.subscriptionNotFound());
    }
    if (state == null
        && (kind == SubscriptionKind.LICENCE || kind == SubscriptionKind.NEW_COMMERCE)) {
      return replies.error(ApiError.notAnAzureSubscription());
    }
    if (state != null) {
      if (PairState.take(state.failing)) {
        return replies.failure(state.failStatus, state.retryAfterDate, customerId);
      }
      if (PairState.take(state.notReady)) {
        return replies.notReady(1, state.retryAfterDate);
      }
      if (state.noUsage) {
        return replies.error(ApiError.noUsage());
      }
    }
    int count =
        state != null && state.records != null ? state.records : dataset.recordsPerSubscription();
    List<UsageRecord> records =
        count == 0 ? List.of() : dataset.records(customerId, subscriptionId, count);
    Instant start = BILLING_START.toInstant();
    Instant end = BILLING_END.toInstant();
    Map<String, BigDecimal> quantities = new LinkedHashMap<>();
    Instant lastModified = start;
    for (UsageRecord record : records) {
      if (!record.reportedAt.isBefore(start) && record.reportedAt.isBefore(end)) {
        quantities.merge(record.meter.id(), record.quantity, BigDecimal::add);
        if (record.reportedAt.isAfter(lastModified)) {
          lastModified = record.reportedAt;
        }
      }
    }
    BigDecimal sum = BigDecimal.ZERO;
    PriceTable prices = PriceTable.standard();
    for (Map.Entry<String, BigDecimal> meter : quantities.entrySet()) {
      sum = sum.add(prices.cost(meter.getKey(), meter.getValue()));
    }
    boolean azurePlan = state != null ? state.azurePlan : kind == SubscriptionKind.AZURE_PLAN;
    BigDecimal total = PriceTable.roundMoney(sum);
    String selfUri =
        "/customers/"
            + UtilizationEndpoint.segment(customerId)
            + "/subscriptions/"
            + UtilizationEndpoint.segment(subscriptionId)
            + "/usagesummary";
    UsageSummary summary =
        new UsageSummary(
            subscriptionId,
            azurePlan ? "Azure plan" : "Microsoft Azure",
            !azurePlan,
            Timestamps.format(BILLING_START),
            Timestamps.format(BILLING_END),
            total,
            azurePlan
                ? "EUR"
                : LOCALES[
                    (int) Long.remainderUnsigned(SeededRandom.hash(customerId), LOCALES.length)],
            azurePlan ? PriceTable.roundMoney(total.multiply(PriceTable.EUR_TO_USD)) : null,
            Timestamps.formatFractionDigits(
                lastModified.atOffset(ZoneOffset.UTC), fractionDigits(customerId, subscriptionId)),
            selfUri);
    boolean nulls = state != null && state.recordStyle == RecordStyle.NULLS;
    return Reply.ok(writer.summary(summary, nulls));
  }

  /** The fraction digits of a pair's {@code lastModifiedDate}: 2 to 7, as the service sends. */
  static int fractionDigits(String customerId, String subscriptionId) {
    return 2
        + (int)
            Long.remainderUnsigned(
                SeededRandom.combine(
                    SeededRandom.hash(customerId), SeededRandom.hash(subscriptionId)),
                6);
  }
}
