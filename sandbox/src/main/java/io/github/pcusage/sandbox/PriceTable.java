package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fixed unit prices behind every usage summary: a subscription's {@code totalCost} is the sum
 * over its records of {@code quantity x price(resource.id)}, rounded once at the end to {@link
 * #MONEY_SCALE} fractional digits, half-even.
 *
 * <pre>{@code
 * BigDecimal sum = BigDecimal.ZERO;
 * for (Record r : records) sum = sum.add(PriceTable.standard().cost(r.meterId(), r.quantity()));
 * BigDecimal totalCost = PriceTable.roundMoney(sum);
 * }</pre>
 */
public final class PriceTable {
  /** Fractional digits of every money amount the sandbox sends. */
  public static final int MONEY_SCALE = 20;

  /** Fixed EUR to USD rate used for {@code usdTotalCost} of Azure plan subscriptions. */
  public static final BigDecimal EUR_TO_USD = new BigDecimal("1.0875");

  private static final PriceTable STANDARD = new PriceTable();

  private final Map<String, BigDecimal> prices;

  private PriceTable() {
    Map<String, BigDecimal> map = new LinkedHashMap<>();
    for (Meter meter : MeterCatalog.METERS) {
      map.put(meter.id(), meter.price());
    }
    this.prices = Map.copyOf(map);
  }

  /** Returns the one price table the sandbox uses. */
  public static PriceTable standard() {
    return STANDARD;
  }

  /** Returns every meter id with its unit price. */
  public Map<String, BigDecimal> prices() {
    return prices;
  }

  /**
   * Returns the unit price of a meter.
   *
   * @throws IllegalArgumentException if the meter is not in the catalogue
   */
  public BigDecimal price(String meterId) {
    Objects.requireNonNull(meterId, "meterId == null");
    BigDecimal price = prices.get(meterId);
    if (price == null) {
      throw new IllegalArgumentException("unknown meter id: " + meterId);
    }
    return price;
  }

  /** Returns the exact, unrounded cost of a quantity of a meter. */
  public BigDecimal cost(String meterId, BigDecimal quantity) {
    Objects.requireNonNull(quantity, "quantity == null");
    return quantity.multiply(price(meterId));
  }

  /** Rounds a money amount to {@link #MONEY_SCALE} fractional digits, half-even. */
  public static BigDecimal roundMoney(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount == null");
    return amount.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
  }
}
