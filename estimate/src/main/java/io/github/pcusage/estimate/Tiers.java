package io.github.pcusage.estimate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The graduated prices of one meter: the rate card's {@code rates}, whose keys are the lower bounds
 * of quantity tiers written as decimal strings ({@code "0"}, {@code "51200.0000000000"}) and whose
 * values are unit prices. The cost of a billable quantity {@code B} is the sum, over the tiers in
 * numeric order of their keys, of the slice of {@code B} that falls in each tier times that tier's
 * price: {@code Σ max(0, min(B, k[i+1]) − k[i]) × r[i]}, the last tier open-ended. Exact: no
 * rounding.
 *
 * <p>Immutable and thread-safe.
 */
public final class Tiers {
  private final BigDecimal[] bounds;
  private final BigDecimal[] prices;

  private Tiers(BigDecimal[] bounds, BigDecimal[] prices) {
    this.bounds = bounds;
    this.prices = prices;
  }

  /**
   * Reads a meter's {@code rates}.
   *
   * @param rates tier lower bound (a decimal string) to unit price
   * @return the tiers, sorted by their lower bounds
   * @throws IllegalArgumentException if {@code rates} is empty, has no tier from 0, or has a key
   *     that is not a non-negative decimal, two keys of the same value ({@code "0"} and {@code
   *     "0.0"}), or a price that is missing or negative
   */
  public static Tiers of(Map<String, BigDecimal> rates) {
    Objects.requireNonNull(rates, "rates == null");
    TreeMap<BigDecimal, BigDecimal> sorted = new TreeMap<>();
    for (Map.Entry<String, BigDecimal> rate : rates.entrySet()) {
      BigDecimal bound = bound(rate.getKey());
      BigDecimal price = rate.getValue();
      if (price == null || price.signum() < 0) {
        throw new IllegalArgumentException(
            "rates: the tier from " + rate.getKey() + " has price " + price + ": need 0 or more");
      }
      if (sorted.put(bound, price) != null) {
        throw new IllegalArgumentException(
            "rates: two tiers start at " + bound.toPlainString() + " (keys must differ in value)");
      }
    }
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("rates is empty: a meter needs at least the tier \"0\"");
    }
    if (sorted.firstKey().signum() != 0) {
      throw new IllegalArgumentException(
          "rates: the first tier starts at "
              + sorted.firstKey().toPlainString()
              + ", not 0: the quantity below it has no price");
    }
    return new Tiers(
        sorted.keySet().toArray(new BigDecimal[0]), sorted.values().toArray(new BigDecimal[0]));
  }

  private static BigDecimal bound(String key) {
    BigDecimal bound;
    try {
      bound = new BigDecimal(Objects.requireNonNull(key, "rates has a null key").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rates: the key '" + key + "' is not a decimal number");
    }
    if (bound.signum() < 0) {
      throw new IllegalArgumentException("rates: the key " + key + " is negative");
    }
    return bound;
  }

  /**
   * Returns the cost of {@code billable} units: the sum of {@link #slices}' costs.
   *
   * @param billable the billable quantity, 0 or more
   * @return the exact cost
   * @throws IllegalArgumentException if {@code billable} is negative
   */
  public BigDecimal cost(BigDecimal billable) {
    BigDecimal cost = BigDecimal.ZERO;
    for (Slice slice : slices(billable)) {
      cost = cost.add(slice.cost());
    }
    return cost;
  }

  /**
   * Returns how {@code billable} units fall into the tiers: one slice per tier it reaches.
   *
   * @param billable the billable quantity, 0 or more
   * @return the slices, lowest tier first; empty for 0
   * @throws IllegalArgumentException if {@code billable} is negative
   */
  public List<Slice> slices(BigDecimal billable) {
    Objects.requireNonNull(billable, "billable == null");
    if (billable.signum() < 0) {
      throw new IllegalArgumentException("billable quantity is negative: " + billable);
    }
    List<Slice> slices = new ArrayList<>();
    for (int i = 0; i < bounds.length && billable.compareTo(bounds[i]) > 0; i++) {
      BigDecimal upper = i + 1 < bounds.length ? billable.min(bounds[i + 1]) : billable;
      slices.add(new Slice(bounds[i], upper.subtract(bounds[i]), prices[i]));
    }
    return Collections.unmodifiableList(slices);
  }

  /**
   * Returns the tiers' lower bounds, in increasing order.
   *
   * @return the bounds; the first is 0
   */
  public List<BigDecimal> lowerBounds() {
    return List.of(bounds);
  }

  /**
   * Returns the unit price of each tier, in the order of {@link #lowerBounds()}.
   *
   * @return the prices
   */
  public List<BigDecimal> prices() {
    return List.of(prices);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Tiers{");
    for (int i = 0; i < bounds.length; i++) {
      s.append(i == 0 ? "" : ", ").append(bounds[i].toPlainString()).append(": ");
      s.append(prices[i].toPlainString());
    }
    return s.append('}').toString();
  }

  /** The part of a billable quantity that falls into one tier, and its cost. */
  public static final class Slice {
    private final BigDecimal from;
    private final BigDecimal quantity;
    private final BigDecimal price;

    Slice(BigDecimal from, BigDecimal quantity, BigDecimal price) {
      this.from = from;
      this.quantity = quantity;
      this.price = price;
    }

    /**
     * Returns the tier's lower bound.
     *
     * @return the bound
     */
    public BigDecimal from() {
      return from;
    }

    /**
     * Returns the quantity in this tier.
     *
     * @return more than 0
     */
    public BigDecimal quantity() {
      return quantity;
    }

    /**
     * Returns the tier's unit price.
     *
     * @return the price
     */
    public BigDecimal price() {
      return price;
    }

    /**
     * Returns {@code quantity × price}, exact.
     *
     * @return the cost of the slice
     */
    public BigDecimal cost() {
      return quantity.multiply(price);
    }

    @Override
    public String toString() {
      return quantity.toPlainString() + " from " + from.toPlainString() + " at " + price;
    }
  }
}
