package io.github.pcusage.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums of estimate lines, exact (summed before any rounding): list cost, discount, markup and
 * amount of the priced lines, and how many lines were not priced.
 */
public final class Totals {
  private final BigDecimal listCost;
  private final BigDecimal discount;
  private final BigDecimal markup;
  private final int pricedLines;
  private final int unpricedLines;
  private final int subscriptions;

  private Totals(
      BigDecimal listCost,
      BigDecimal discount,
      BigDecimal markup,
      int pricedLines,
      int unpricedLines,
      int subscriptions) {
    this.listCost = listCost;
    this.discount = discount;
    this.markup = markup;
    this.pricedLines = pricedLines;
    this.unpricedLines = unpricedLines;
    this.subscriptions = subscriptions;
  }

  /**
   * Sums {@code lines}.
   *
   * @param lines lines of one currency
   * @return their totals
   * @throws IllegalArgumentException if the lines are in more than one currency
   */
  public static Totals of(Iterable<EstimateLine> lines) {
    Objects.requireNonNull(lines, "lines == null");
    BigDecimal list = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    BigDecimal markup = BigDecimal.ZERO;
    int priced = 0;
    int unpriced = 0;
    String currency = null;
    Set<String> subscriptions = new LinkedHashSet<>();
    for (EstimateLine line : lines) {
      if (currency != null && !currency.equals(line.currency())) {
        throw new IllegalArgumentException(
            "lines in " + currency + " and " + line.currency() + " cannot be summed");
      }
      currency = line.currency();
      subscriptions.add(line.customerId() + "/" + line.subscriptionId());
      if (line.cost().isPresent()) {
        LineCost cost = line.cost().get();
        list = list.add(cost.listCost());
        discount = discount.add(cost.discount());
        markup = markup.add(cost.markup());
        priced++;
      } else {
        unpriced++;
      }
    }
    return new Totals(list, discount, markup, priced, unpriced, subscriptions.size());
  }

  /**
   * Sums {@code lines} by customer.
   *
   * @param lines lines of one currency
   * @return customer id to totals, in customer id order
   */
  public static SortedMap<String, Totals> byCustomer(List<EstimateLine> lines) {
    SortedMap<String, List<EstimateLine>> grouped = new TreeMap<>();
    for (EstimateLine line : lines) {
      grouped.computeIfAbsent(line.customerId(), c -> new ArrayList<>()).add(line);
    }
    SortedMap<String, Totals> totals = new TreeMap<>();
    for (Map.Entry<String, List<EstimateLine>> customer : grouped.entrySet()) {
      totals.put(customer.getKey(), of(customer.getValue()));
    }
    return Collections.unmodifiableSortedMap(totals);
  }

  /**
   * Returns the list cost of the priced lines.
   *
   * @return the sum, exact
   */
  public BigDecimal listCost() {
    return listCost;
  }

  /**
   * Returns the discount of the priced lines.
   *
   * @return the sum, exact
   */
  public BigDecimal discount() {
    return discount;
  }

  /**
   * Returns {@code listCost − discount}.
   *
   * @return the cost after discount, exact
   */
  public BigDecimal costAfterDiscount() {
    return listCost.subtract(discount);
  }

  /**
   * Returns the markup of the priced lines.
   *
   * @return the sum, exact
   */
  public BigDecimal markup() {
    return markup;
  }

  /**
   * Returns {@code costAfterDiscount + markup}.
   *
   * @return the amount, exact
   */
  public BigDecimal amount() {
    return costAfterDiscount().add(markup);
  }

  /**
   * Returns how many lines were priced.
   *
   * @return the count
   */
  public int pricedLines() {
    return pricedLines;
  }

  /**
   * Returns how many lines could not be priced (their usage is in no amount).
   *
   * @return the count
   */
  public int unpricedLines() {
    return unpricedLines;
  }

  /**
   * Returns how many distinct subscriptions the lines are of.
   *
   * @return the count
   */
  public int subscriptions() {
    return subscriptions;
  }

  @Override
  public String toString() {
    return "Totals{amount="
        + amount().toPlainString()
        + ", priced="
        + pricedLines
        + ", unpriced="
        + unpricedLines
        + "}";
  }
}
