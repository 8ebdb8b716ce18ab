package io.github.pcusage.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One line of an estimate: one subscription's usage of one meter in one UTC calendar month (and one
 * unit), with its cost when it could be priced, or the reason it could not.
 *
 * <p>Meter name, category, subcategory and region come from the rate card when it lists the meter,
 * else from the records' {@code resource}. Immutable.
 */
public final class EstimateLine {
  private final String customerId;
  private final String subscriptionId;
  private final YearMonth month;
  private final String meterId;
  private final Meta meta;
  private final String unit;
  private final BigDecimal quantity;
  private final SortedMap<LocalDate, BigDecimal> quantityByDay;
  private final String currency;
  private final LineCost cost;
  private final UnpricedReason unpriced;
  private final String unpricedDetail;

  EstimateLine(
      Usage usage, Meta meta, String currency, LineCost cost, UnpricedReason unpriced, String why) {
    this.customerId = usage.key.customerId;
    this.subscriptionId = usage.key.subscriptionId;
    this.month = usage.key.month;
    this.meterId = usage.meterId;
    this.meta = meta;
    this.unit = usage.key.unit;
    this.quantity = usage.quantity;
    this.quantityByDay = Collections.unmodifiableSortedMap(usage.byDay);
    this.currency = currency;
    this.cost = cost;
    this.unpriced = unpriced;
    this.unpricedDetail = why;
  }

  /** Display metadata of a meter: name, category, subcategory, region. */
  static final class Meta {
    final String name;
    final String category;
    final String subcategory;
    final String region;

    Meta(String name, String category, String subcategory, String region) {
      this.name = name;
      this.category = category;
      this.subcategory = subcategory;
      this.region = region;
    }
  }

  /**
   * Returns the customer (tenant) id, as given to {@link Estimator#add}.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the subscription id, as given to {@link Estimator#add}.
   *
   * @return the subscription id
   */
  public String subscriptionId() {
    return subscriptionId;
  }

  /**
   * Returns the UTC calendar month of the records' {@code usageStartTime}.
   *
   * @return the month
   */
  public YearMonth month() {
    return month;
  }

  /**
   * Returns the meter id as the first record of the line spelled it.
   *
   * @return the meter id ({@code resource.id}); empty when the records had none
   */
  public String meterId() {
    return meterId;
  }

  /**
   * Returns the meter's name.
   *
   * @return the name, or empty when unknown
   */
  public String meterName() {
    return meta.name;
  }

  /**
   * Returns the meter's category.
   *
   * @return the category, or empty when unknown
   */
  public String category() {
    return meta.category;
  }

  /**
   * Returns the meter's subcategory.
   *
   * @return the subcategory, or empty
   */
  public String subcategory() {
    return meta.subcategory;
  }

  /**
   * Returns the meter's billing region.
   *
   * @return the region, or empty
   */
  public String region() {
    return meta.region;
  }

  /**
   * Returns the records' unit.
   *
   * @return the unit, or empty when the records had none
   */
  public String unit() {
    return unit;
  }

  /**
   * Returns the total quantity of the line's records.
   *
   * @return the exact sum
   */
  public BigDecimal quantity() {
    return quantity;
  }

  /**
   * Returns the quantity by UTC day of {@code usageStartTime}.
   *
   * @return day to quantity, in date order
   */
  public SortedMap<LocalDate, BigDecimal> quantityByDay() {
    return quantityByDay;
  }

  /**
   * Returns the list cost by UTC day: the line's list cost allocated pro rata to each day's
   * quantity (34 significant digits). Empty when the line is not priced or its quantity is 0.
   *
   * @return day to list cost, in date order
   */
  public Map<LocalDate, BigDecimal> listCostByDay() {
    Map<LocalDate, BigDecimal> byDay = new LinkedHashMap<>();
    if (cost == null || quantity.signum() == 0) {
      return byDay;
    }
    for (Map.Entry<LocalDate, BigDecimal> day : quantityByDay.entrySet()) {
      byDay.put(
          day.getKey(),
          cost.listCost().multiply(day.getValue()).divide(quantity, MathContext.DECIMAL128));
    }
    return byDay;
  }

  /**
   * Returns the currency of the rate card the line was priced with.
   *
   * @return an ISO 4217 code
   */
  public String currency() {
    return currency;
  }

  /**
   * Returns the line's cost, when it could be priced.
   *
   * @return the cost, or empty with {@link #unpricedReason()} set
   */
  public Optional<LineCost> cost() {
    return Optional.ofNullable(cost);
  }

  /**
   * Returns why the line could not be priced.
   *
   * @return the reason, or empty for a priced line
   */
  public Optional<UnpricedReason> unpricedReason() {
    return Optional.ofNullable(unpriced);
  }

  /**
   * Returns the reason in words with its particulars, for reports: for example {@code unit differs
   * from the rate card meter's: records '1 GB', meter '1 Hour'}.
   *
   * @return the explanation, or empty for a priced line
   */
  public String unpricedDetail() {
    return unpricedDetail == null ? "" : unpricedDetail;
  }

  @Override
  public String toString() {
    return "EstimateLine{"
        + customerId
        + " "
        + subscriptionId
        + " "
        + month
        + " "
        + meterId
        + " "
        + quantity.toPlainString()
        + " "
        + unit
        + (cost != null ? " " + cost : " unpriced: " + unpricedDetail)
        + "}";
  }
}
