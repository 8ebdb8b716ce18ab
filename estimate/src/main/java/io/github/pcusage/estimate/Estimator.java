package io.github.pcusage.estimate;

import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Prices Azure utilization records with a rate card, streaming: {@link #add} each record as it
 * arrives, then read the {@link #lines()}. Memory grows with subscriptions × meters × months, never
 * with records.
 *
 * <pre>{@code
 * Estimator estimator = new Estimator(RateCardPrices.of(client.azureRateCard()), new BigDecimal("12.5"));
 * for (AzureUtilizationRecord r : client.utilizations(customerId, subscriptionId, query)) {
 *   estimator.add(customerId, subscriptionId, r);
 * }
 * Totals total = Totals.of(estimator.lines());
 * }</pre>
 *
 * <p>The rule ({@link #RULE}): per customer, subscription, meter and UTC calendar month of {@code
 * usageStartTime}, total quantity {@code Q}; billable {@code B = max(0, Q − includedQuantity)};
 * list cost by graduated {@link Tiers}; then, kept apart, the offer terms' discount ({@link
 * RateCardPrices#afterDiscountFactor}); then the markup. A line whose meter is not in the card, has
 * no rates, or whose records' unit is not the meter's is not priced: it carries an {@link
 * UnpricedReason} and no cost. Exact {@code BigDecimal} arithmetic; rounding is for display ({@link
 * Money}).
 *
 * <p>Not thread-safe: use one estimator per thread (lines of different estimators can be listed
 * together, as long as each subscription is added to one only).
 */
public final class Estimator {
  /** The pricing rule, in words, as outputs state it. */
  public static final String RULE =
      "per customer, subscription, meter and UTC calendar month of usageStartTime: Q = sum of"
          + " quantity; billable B = max(0, Q - includedQuantity); list cost = sum over the meter's"
          + " rates, keys sorted numerically as tier lower bounds, of max(0, min(B, next key) - key)"
          + " x price (last tier open-ended); discount = list cost x (1 - product of (1 - discount)"
          + " over the offer terms in effect in that month that do not exclude the meter); markup ="
          + " (list cost - discount) x markup%; amount = list cost - discount + markup. A meter not"
          + " in the rate card, without rates, or with another unit than the records' is not priced"
          + " (flagged unpriced, never priced at 0)";

  private final RateCardPrices prices;
  private final BigDecimal markupFraction;
  private final Map<Usage.Key, Usage> usage = new HashMap<>();
  private long records;

  /**
   * Creates an estimator without markup.
   *
   * @param prices the rate card
   */
  public Estimator(RateCardPrices prices) {
    this(prices, BigDecimal.ZERO);
  }

  /**
   * Creates an estimator that adds a markup on the cost after discount.
   *
   * @param prices the rate card
   * @param markupPercent the markup in percent, for example {@code 12.5}; 0 for none
   * @throws IllegalArgumentException if {@code markupPercent} is negative
   */
  public Estimator(RateCardPrices prices, BigDecimal markupPercent) {
    this.prices = Objects.requireNonNull(prices, "prices == null");
    Objects.requireNonNull(markupPercent, "markupPercent == null");
    if (markupPercent.signum() < 0) {
      throw new IllegalArgumentException(
          "markupPercent is " + markupPercent.toPlainString() + ": use 0 or more");
    }
    this.markupFraction = markupPercent.movePointLeft(2);
  }

  /**
   * Adds one record of a customer's subscription.
   *
   * @param customerId the customer (tenant) id the record was listed for
   * @param subscriptionId the subscription id the record was listed for
   * @param record the record
   * @throws IllegalArgumentException if the record has no {@code quantity} or {@code
   *     usageStartTime}
   */
  public void add(String customerId, String subscriptionId, AzureUtilizationRecord record) {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(subscriptionId, "subscriptionId == null");
    Objects.requireNonNull(record, "record == null");
    BigDecimal quantity = record.getQuantity();
    OffsetDateTime start = record.getUsageStartTime();
    if (quantity == null || start == null) {
      throw new IllegalArgumentException(
          "a record of subscription "
              + subscriptionId
              + " has no "
              + (quantity == null ? "quantity" : "usageStartTime")
              + ": it cannot be priced");
    }
    AzureResource resource = record.getResource();
    String meterId = resource == null || resource.getId() == null ? "" : resource.getId().trim();
    LocalDate day = start.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    Usage.Key key =
        new Usage.Key(
            customerId,
            subscriptionId,
            YearMonth.from(day),
            meterId.toLowerCase(Locale.ROOT),
            record.getUnit() == null ? "" : record.getUnit().trim());
    usage.computeIfAbsent(key, k -> new Usage(k, meterId, metaOf(resource))).add(day, quantity);
    records++;
  }

  private static EstimateLine.Meta metaOf(AzureResource r) {
    return r == null
        ? new EstimateLine.Meta("", "", "", "")
        : new EstimateLine.Meta(
            text(r.getName()),
            text(r.getCategory()),
            text(r.getSubcategory()),
            text(r.getRegion()));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /**
   * Returns how many records were added.
   *
   * @return the count
   */
  public long recordCount() {
    return records;
  }

  /**
   * Prices what was added so far.
   *
   * @return one line per customer, subscription, month, meter and unit, in that order (ids and
   *     units compared as strings, meters in any case)
   */
  public List<EstimateLine> lines() {
    List<Usage> all = new ArrayList<>(usage.values());
    all.sort((a, b) -> Usage.Key.ORDER.compare(a.key, b.key));
    List<EstimateLine> lines = new ArrayList<>(all.size());
    for (Usage u : all) {
      lines.add(price(u));
    }
    return lines;
  }

  private EstimateLine price(Usage u) {
    String currency = prices.currency();
    AzureMeter meter = prices.meter(u.meterId).orElse(null);
    if (meter == null) {
      return unpriced(u, u.recordMeta, UnpricedReason.METER_NOT_IN_RATE_CARD, "");
    }
    EstimateLine.Meta meta =
        new EstimateLine.Meta(
            or(meter.getName(), u.recordMeta.name),
            or(meter.getCategory(), u.recordMeta.category),
            or(meter.getSubcategory(), u.recordMeta.subcategory),
            or(meter.getRegion(), u.recordMeta.region));
    String meterUnit = meter.getUnit() == null ? "" : meter.getUnit().trim();
    if (!meterUnit.equalsIgnoreCase(u.key.unit)) {
      return unpriced(
          u,
          meta,
          UnpricedReason.UNIT_MISMATCH,
          ": records '" + u.key.unit + "', meter '" + meterUnit + "'");
    }
    Tiers tiers = prices.tiers(u.meterId).orElse(null);
    if (tiers == null) {
      return unpriced(u, meta, UnpricedReason.METER_WITHOUT_RATES, "");
    }
    BigDecimal included =
        meter.getIncludedQuantity() == null ? BigDecimal.ZERO : meter.getIncludedQuantity();
    BigDecimal billable = u.quantity.subtract(included).max(BigDecimal.ZERO);
    List<Tiers.Slice> slices = tiers.slices(billable);
    BigDecimal list = BigDecimal.ZERO;
    for (Tiers.Slice slice : slices) {
      list = list.add(slice.cost());
    }
    BigDecimal after = list.multiply(prices.afterDiscountFactor(u.meterId, u.key.month));
    BigDecimal discount = list.subtract(after);
    BigDecimal markup = after.multiply(markupFraction);
    LineCost cost = new LineCost(included, billable, slices, list, discount, markup);
    return new EstimateLine(u, meta, currency, cost, null, null);
  }

  private EstimateLine unpriced(
      Usage u, EstimateLine.Meta meta, UnpricedReason reason, String particulars) {
    return new EstimateLine(
        u, meta, prices.currency(), null, reason, reason.description() + particulars);
  }

  private static String or(String preferred, String fallback) {
    return preferred == null || preferred.isEmpty() ? fallback : preferred;
  }

  @Override
  public String toString() {
    return "Estimator{" + records + " records, " + usage.size() + " lines, " + prices + "}";
  }
}
