package io.github.pcusage.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * Rounding for presentation: HALF_UP to the currency's minor unit ({@link
 * Currency#getDefaultFractionDigits()}: 2 for EUR, 0 for JPY and KRW, 3 for KWD). An estimate keeps
 * exact values and sums them unrounded; only what is shown is rounded.
 */
public final class Money {
  /** The rounding rule, in words, as outputs state it. */
  public static final String RULE =
      "amounts are exact until shown; shown amounts are rounded HALF_UP to the currency's minor"
          + " unit, and totals are summed from the exact amounts before rounding";

  private Money() {}

  /**
   * Returns the number of decimals shown for a currency.
   *
   * @param currency an ISO 4217 code
   * @return its minor unit digits; 2 for a code Java knows without one (such as XAU)
   * @throws IllegalArgumentException if the code is not an ISO 4217 currency
   */
  public static int fractionDigits(String currency) {
    Objects.requireNonNull(currency, "currency == null");
    int digits =
        Currency.getInstance(currency.trim().toUpperCase(java.util.Locale.ROOT))
            .getDefaultFractionDigits();
    return digits < 0 ? 2 : digits;
  }

  /**
   * Rounds an exact amount for display.
   *
   * @param amount the exact amount
   * @param currency its ISO 4217 code
   * @return the amount HALF_UP to the currency's minor unit
   */
  public static BigDecimal round(BigDecimal amount, String currency) {
    Objects.requireNonNull(amount, "amount == null");
    return amount.setScale(fractionDigits(currency), RoundingMode.HALF_UP);
  }
}
