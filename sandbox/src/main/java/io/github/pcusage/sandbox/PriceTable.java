package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The prices of the sandbox's meters, as its rate card sends them: per meter, {@code rates} keyed
 * by the lower bound of each quantity tier (a string, {@code "0"} first, e.g. {@code
 * "400.0000000000"}) and an {@code includedQuantity}. The usage summary's {@code totalCost} is
 * priced with these by the graduated rule of {@link #cost}, summed over the meters, rounded once to
 * {@link #MONEY_SCALE} fractional digits, half-even.
 */
public final class PriceTable {
  /** Fractional digits of every money amount the sandbox sends. */
  public static final int MONEY_SCALE = 20;

  /** Fixed EUR to USD rate used for {@code usdTotalCost} of Azure plan subscriptions. */
  public static final BigDecimal EUR_TO_USD = new BigDecimal("1.0875");

  /** The currency of the prices: the sandbox partner's market currency. */
  public static final String CURRENCY = "EUR";

  /** Tiers above the first one, by meter name: bound, rate, bound, rate, ... */
  private static final Map<String, String[]> UPPER_TIERS =
      Map.of(
          "Data Transfer Out (GB)", new String[] {"100", "0.083", "400.0000000000", "0.07"},
          "Hot LRS Data Stored",
              new String[] {"250.0000000000", "0.0177", "500.0000000000", "0.017"},
          "Data Ingestion", new String[] {"300.0000000000", "2.3"},
          "S0 DTUs", new String[] {"5000.0000000000", "0.4355"},
          "Standard Execution Time", new String[] {"2000000.0000000000", "0.000014"});

  /** Included (free) quantities by meter name; every other meter has 0. */
  private static final Map<String, String> INCLUDED =
      Map.of("Data Transfer Out (GB)", "5.0", "Standard Execution Time", "400000.0");

  private static final PriceTable STANDARD = new PriceTable();

  private final Map<String, BigDecimal> prices;
  private final Map<String, Map<String, BigDecimal>> rates;
  private final Map<String, BigDecimal> included;

  private PriceTable() {
    Map<String, BigDecimal> first = new LinkedHashMap<>();
    Map<String, Map<String, BigDecimal>> tiers = new LinkedHashMap<>();
    Map<String, BigDecimal> free = new LinkedHashMap<>();
    for (Meter meter : MeterCatalog.METERS) {
      first.put(meter.id(), meter.price());
      Map<String, BigDecimal> meterRates = new LinkedHashMap<>();
      meterRates.put("0", meter.price());
      String[] upper = UPPER_TIERS.getOrDefault(meter.name(), new String[0]);
      for (int i = 0; i < upper.length; i += 2) {
        meterRates.put(upper[i], new BigDecimal(upper[i + 1]));
      }
      tiers.put(meter.id(), Collections.unmodifiableMap(meterRates));
      free.put(meter.id(), new BigDecimal(INCLUDED.getOrDefault(meter.name(), "0.0")));
    }
    this.prices = Collections.unmodifiableMap(first);
    this.rates = Collections.unmodifiableMap(tiers);
    this.included = Collections.unmodifiableMap(free);
  }

  /** Returns the one price table the sandbox uses. */
  public static PriceTable standard() {
    return STANDARD;
  }

  /** Returns every meter id with the price of its first tier, in the catalogue's order. */
  public Map<String, BigDecimal> prices() {
    return prices;
  }

  /**
   * Returns the price of a meter's first tier (from quantity 0).
   *
   * @throws IllegalArgumentException if the meter is not in the catalogue
   */
  public BigDecimal price(String meterId) {
    return rates(meterId).get("0");
  }

  /**
   * Returns a meter's {@code rates} as the rate card sends them: the lower bound of each tier, as
   * written on the wire, to its unit price, in ascending order of the bounds.
   *
   * @throws IllegalArgumentException if the meter is not in the catalogue
   */
  public Map<String, BigDecimal> rates(String meterId) {
    Objects.requireNonNull(meterId, "meterId == null");
    Map<String, BigDecimal> meterRates = rates.get(meterId);
    if (meterRates == null) {
      throw new IllegalArgumentException("unknown meter id: " + meterId);
    }
    return meterRates;
  }

  /**
   * Returns a meter's included (free) quantity per billing period.
   *
   * @throws IllegalArgumentException if the meter is not in the catalogue
   */
  public BigDecimal includedQuantity(String meterId) {
    rates(meterId);
    return included.get(meterId);
  }

  /**
   * Returns the exact, unrounded cost of a billing period's total quantity of a meter, by the
   * graduated rule: billable {@code B = max(0, quantity - includedQuantity)}; with the tier bounds
   * {@code k0 = 0 < k1 < ...} and their rates {@code r0, r1, ...}, {@code cost = sum over i of
   * max(0, min(B, k(i+1)) - k(i)) x r(i)}, the last tier open-ended.
   */
  public BigDecimal cost(String meterId, BigDecimal quantity) {
    Objects.requireNonNull(quantity, "quantity == null");
    BigDecimal billable = quantity.subtract(includedQuantity(meterId)).max(BigDecimal.ZERO);
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal lower = null;
    BigDecimal rate = null;
    for (Map.Entry<String, BigDecimal> tier : rates(meterId).entrySet()) {
      BigDecimal bound = new BigDecimal(tier.getKey());
      if (lower != null) {
        cost = cost.add(slice(billable, lower, bound).multiply(rate));
      }
      lower = bound;
      rate = tier.getValue();
    }
    return cost.add(slice(billable, lower, null).multiply(rate));
  }

  private static BigDecimal slice(BigDecimal billable, BigDecimal lower, BigDecimal upper) {
    BigDecimal top = upper == null ? billable : billable.min(upper);
    return top.subtract(lower).max(BigDecimal.ZERO);
  }

  /** Rounds a money amount to {@link #MONEY_SCALE} fractional digits, half-even. */
  public static BigDecimal roundMoney(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount == null");
    return amount.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
  }
}
