package io.github.pcusage.estimate;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost of one priced line, every step kept apart and exact (no rounding): billable quantity,
 * list cost by tier, the offer terms' discount, the markup, and the amount.
 *
 * <ul>
 *   <li>{@code billable = max(0, quantity − includedQuantity)}
 *   <li>{@code listCost = Σ slice.quantity × slice.price} over the {@link Tiers tiers}
 *   <li>{@code discount = listCost − listCost × Π(1 − term.discount)} over the terms that apply
 *   <li>{@code costAfterDiscount = listCost − discount}
 *   <li>{@code markup = costAfterDiscount × markupPercent / 100}
 *   <li>{@code amount = costAfterDiscount + markup}
 * </ul>
 */
public final class LineCost {
  private final BigDecimal includedQuantity;
  private final BigDecimal billableQuantity;
  private final List<Tiers.Slice> slices;
  private final BigDecimal listCost;
  private final BigDecimal discount;
  private final BigDecimal markup;

  LineCost(
      BigDecimal includedQuantity,
      BigDecimal billableQuantity,
      List<Tiers.Slice> slices,
      BigDecimal listCost,
      BigDecimal discount,
      BigDecimal markup) {
    this.includedQuantity = includedQuantity;
    this.billableQuantity = billableQuantity;
    this.slices = slices;
    this.listCost = listCost;
    this.discount = discount;
    this.markup = markup;
  }

  /**
   * Returns the meter's free quantity for the month, as the rate card gives it (0 when absent).
   *
   * @return the included quantity
   */
  public BigDecimal includedQuantity() {
    return includedQuantity;
  }

  /**
   * Returns {@code max(0, quantity − includedQuantity)}.
   *
   * @return the billable quantity
   */
  public BigDecimal billableQuantity() {
    return billableQuantity;
  }

  /**
   * Returns how the billable quantity falls into the meter's tiers.
   *
   * @return the slices, lowest tier first
   */
  public List<Tiers.Slice> slices() {
    return slices;
  }

  /**
   * Returns the cost at list prices: the sum of the slices' costs.
   *
   * @return the list cost, exact
   */
  public BigDecimal listCost() {
    return listCost;
  }

  /**
   * Returns what the offer terms take off the list cost (0 when none applies).
   *
   * @return the discount, exact, 0 or more
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
   * Returns the partner's markup on the cost after discount (0 without one).
   *
   * @return the markup, exact
   */
  public BigDecimal markup() {
    return markup;
  }

  /**
   * Returns {@code costAfterDiscount + markup}: what the line bills.
   *
   * @return the amount, exact
   */
  public BigDecimal amount() {
    return costAfterDiscount().add(markup);
  }

  @Override
  public String toString() {
    return "LineCost{billable="
        + billableQuantity.toPlainString()
        + ", list="
        + listCost.toPlainString()
        + ", discount="
        + discount.toPlainString()
        + ", markup="
        + markup.toPlainString()
        + "}";
  }
}
