package io.github.pcusage.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Graduated cost as a function of the billable quantity: never negative, non-decreasing, continuous
 * (a step of {@code e} changes it by at most {@code e × the highest price}), and the sum of its
 * tier slices, whose quantities add up to the billable quantity.
 */
class TiersPropertyTest {

  @Provide
  Arbitrary<Map<String, BigDecimal>> rates() {
    Arbitrary<BigDecimal> bound =
        Arbitraries.bigDecimals().between(d("0.0001"), d("100000")).ofScale(4);
    Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(d("0"), d("50")).ofScale(6);
    return Combinators.combine(
            bound.list().ofMaxSize(6),
            price.list().ofMinSize(7).ofMaxSize(7),
            Arbitraries.of(true, false))
        .as(
            (bounds, prices, trailingZeros) -> {
              Map<String, BigDecimal> rates = new LinkedHashMap<>();
              rates.put("0", prices.get(0));
              int i = 1;
              for (BigDecimal b : bounds) {
                String key = trailingZeros ? b.setScale(10).toPlainString() : b.toPlainString();
                if (rates.keySet().stream().noneMatch(k -> new BigDecimal(k).compareTo(b) == 0)) {
                  rates.put(key, prices.get(i++));
                }
              }
              return rates;
            });
  }

  @Provide
  Arbitrary<BigDecimal> quantities() {
    return Arbitraries.bigDecimals().between(d("0"), d("250000")).ofScale(6);
  }

  @Property(tries = 300)
  void costIsNonNegativeMonotoneContinuousAndTheSumOfItsSlices(
      @ForAll("rates") Map<String, BigDecimal> rates,
      @ForAll("quantities") BigDecimal billable,
      @ForAll("quantities") BigDecimal step) {
    Tiers tiers = Tiers.of(rates);
    BigDecimal cost = tiers.cost(billable);
    BigDecimal further = tiers.cost(billable.add(step));
    BigDecimal highest = tiers.prices().stream().reduce(BigDecimal.ZERO, BigDecimal::max);

    assertThat(cost.signum()).isGreaterThanOrEqualTo(0);
    assertThat(further).isGreaterThanOrEqualTo(cost);
    assertThat(further.subtract(cost)).isLessThanOrEqualTo(step.multiply(highest));

    List<Tiers.Slice> slices = tiers.slices(billable);
    BigDecimal sliced = BigDecimal.ZERO;
    BigDecimal sum = BigDecimal.ZERO;
    List<BigDecimal> froms = new ArrayList<>();
    for (Tiers.Slice slice : slices) {
      assertThat(slice.quantity().signum()).isPositive();
      sliced = sliced.add(slice.quantity());
      sum = sum.add(slice.quantity().multiply(slice.price()));
      froms.add(slice.from());
    }
    assertThat(sliced).isEqualByComparingTo(billable);
    assertThat(sum).isEqualByComparingTo(cost);
    assertThat(froms).isSortedAccordingTo(BigDecimal::compareTo);
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
