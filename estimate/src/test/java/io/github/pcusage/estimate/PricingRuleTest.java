package io.github.pcusage.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureOfferTerm;
import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pricing rule on cases computed by hand (the arithmetic is written out beside each). */
class PricingRuleTest {
  static final String NETWORK = "2b7c1f0e-0000-4c1a-9d3e-000000000aa1";
  static final String VM = "7f3e2d1c-0000-4b2a-8c9d-000000000bb2";
  static final String STORAGE = "5a5a5a5a-0000-4000-8000-000000000cc3";

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  static Map<String, BigDecimal> rates(String... keysAndPrices) {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    for (int i = 0; i < keysAndPrices.length; i += 2) {
      rates.put(keysAndPrices[i], d(keysAndPrices[i + 1]));
    }
    return rates;
  }

  static AzureMeter meter(String id, String unit, String included, Map<String, BigDecimal> rates) {
    return AzureMeter.builder()
        .id(id)
        .name("meter " + id)
        .category("Cat " + id.charAt(0))
        .unit(unit)
        .includedQuantity(included == null ? null : d(included))
        .rates(rates)
        .build();
  }

  /** The composed card of the facts file: a tiered network meter, a flat VM meter, a 15 % term. */
  static AzureRateCard card(String currency, AzureOfferTerm... terms) {
    return AzureRateCard.builder()
        .currency(currency)
        .meters(
            List.of(
                meter(
                    NETWORK,
                    "1 GB",
                    "0",
                    rates(
                        "0",
                        "0.0",
                        "5",
                        "0.0736",
                        "10240.0000000000",
                        "0.0702",
                        "51200.0000000000",
                        "0.0598")),
                meter(VM, "1 Hour", null, rates("0", "0.0964")),
                meter(STORAGE, "1 GB/Month", "100", rates("0", "2"))))
        .offerTerms(List.of(terms))
        .build();
  }

  static AzureOfferTerm overageDiscount(String effective, String... excluded) {
    return AzureOfferTerm.builder()
        .name("Overage discount")
        .discount(d("0.15"))
        .excludedMeterIds(List.of(excluded))
        .effectiveDate(OffsetDateTime.parse(effective))
        .build();
  }

  static AzureUtilizationRecord record(String meterId, String unit, String start, String q) {
    return AzureUtilizationRecord.builder()
        .usageStartTime(OffsetDateTime.parse(start))
        .usageEndTime(OffsetDateTime.parse(start).plusDays(1))
        .resource(AzureResource.builder().id(meterId).name("from record").category("Rec").build())
        .unit(unit)
        .quantity(d(q))
        .build();
  }

  static List<EstimateLine> price(AzureRateCard card, String markup, AzureUtilizationRecord... rs) {
    Estimator estimator = new Estimator(RateCardPrices.of(card), d(markup));
    for (AzureUtilizationRecord r : rs) {
      estimator.add("C1", "S1", r);
    }
    return estimator.lines();
  }

  static LineCost cost(EstimateLine line) {
    return line.cost().orElseThrow();
  }

  @Test
  void graduatedTiersAcrossEveryBoundaryWithDecimalKeys() {
    // 60000 GB: 5 x 0 + (10240 - 5) x 0.0736 + (51200 - 10240) x 0.0702 + (60000 - 51200) x 0.0598
    //         = 0 + 753.2960 + 2875.3920 + 526.2400 = 4154.9280
    List<EstimateLine> lines =
        price(
            card("EUR"),
            "0",
            record(NETWORK, "1 GB", "2026-10-03T00:00:00Z", "25000"),
            record(NETWORK, "1 GB", "2026-10-20T00:00:00Z", "35000"));

    assertThat(lines).hasSize(1);
    LineCost cost = cost(lines.get(0));
    assertThat(cost.billableQuantity()).isEqualByComparingTo("60000");
    assertThat(cost.slices())
        .extracting(s -> s.quantity().stripTrailingZeros().toPlainString())
        .containsExactly("5", "10235", "40960", "8800");
    assertThat(cost.listCost()).isEqualByComparingTo("4154.9280");
    assertThat(cost.discount()).isEqualByComparingTo("0");
    // Just below and just above a boundary: 10240 -> 753.2960; 10241 -> 753.2960 + 0.0702
    assertThat(Tiers.of(card("EUR").getMeters().get(0).getRates()).cost(d("10240")))
        .isEqualByComparingTo("753.2960");
    assertThat(Tiers.of(card("EUR").getMeters().get(0).getRates()).cost(d("10241")))
        .isEqualByComparingTo("753.3662");
  }

  @Test
  void includedQuantityComesOffFirstAndNeverMakesACostNegative() {
    // 150 GB/Month, 100 included: billable 50 x 2 = 100; 80 GB/Month: billable 0, cost 0
    LineCost over =
        cost(
            price(card("EUR"), "0", record(STORAGE, "1 GB/Month", "2026-10-01T00:00:00Z", "150"))
                .get(0));
    assertThat(over.includedQuantity()).isEqualByComparingTo("100");
    assertThat(over.billableQuantity()).isEqualByComparingTo("50");
    assertThat(over.listCost()).isEqualByComparingTo("100");

    LineCost under =
        cost(
            price(card("EUR"), "0", record(STORAGE, "1 GB/Month", "2026-10-01T00:00:00Z", "80"))
                .get(0));
    assertThat(under.billableQuantity()).isEqualByComparingTo("0");
    assertThat(under.listCost()).isEqualByComparingTo("0");
    assertThat(under.slices()).isEmpty();
  }

  @Test
  void aWindowOverTwoMonthsIsPricedMonthByMonthInUtc() {
    // 120 + 30 GB/Month in October (00:30 on 1 November at +01:00 is 23:30 on 31 October UTC),
    // 90 in November. By month: (150 - 100) x 2 = 100 and max(0, 90 - 100) = 0: total 100.
    // Summed over the window it would be (240 - 100) x 2 = 280.
    List<EstimateLine> lines =
        price(
            card("EUR"),
            "0",
            record(STORAGE, "1 GB/Month", "2026-10-31T00:00:00Z", "120"),
            record(STORAGE, "1 GB/Month", "2026-11-01T00:30:00+01:00", "30"),
            record(STORAGE, "1 GB/Month", "2026-11-01T00:00:00Z", "90"));

    assertThat(lines)
        .extracting(EstimateLine::month)
        .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
    assertThat(cost(lines.get(0)).listCost()).isEqualByComparingTo("100");
    assertThat(cost(lines.get(1)).listCost()).isEqualByComparingTo("0");
    assertThat(Totals.of(lines).listCost()).isEqualByComparingTo("100");
  }

  @Test
  void theDiscountSkipsExcludedMetersAndTermsNotYetInEffectAndIsKeptApart() {
    AzureRateCard card =
        card("EUR", overageDiscount("2015-06-10T00:00:00Z", NETWORK.toUpperCase()));
    // VM: 1000 h x 0.0964 = 96.4; discount 15 % = 14.46; after 81.94. Network (excluded, id in
    // other case): 10 GB = 5 x 0 + 5 x 0.0736 = 0.368, no discount.
    List<EstimateLine> lines =
        price(
            card,
            "0",
            record(VM, "1 Hour", "2026-10-05T00:00:00Z", "1000"),
            record(NETWORK, "1 GB", "2026-10-05T00:00:00Z", "10"));
    LineCost network = cost(lines.get(0));
    LineCost vm = cost(lines.get(1));
    assertThat(vm.listCost()).isEqualByComparingTo("96.4");
    assertThat(vm.discount()).isEqualByComparingTo("14.46");
    assertThat(vm.costAfterDiscount()).isEqualByComparingTo("81.94");
    assertThat(network.listCost()).isEqualByComparingTo("0.368");
    assertThat(network.discount()).isEqualByComparingTo("0");

    // A term that takes effect after the month is not applied to it; one from within the month is.
    AzureRateCard later = card("EUR", overageDiscount("2026-11-01T00:00:00Z"));
    assertThat(
            cost(price(later, "0", record(VM, "1 Hour", "2026-10-05T00:00:00Z", "1000")).get(0))
                .discount())
        .isEqualByComparingTo("0");
    AzureRateCard within = card("EUR", overageDiscount("2026-10-31T23:59:59Z"));
    assertThat(
            cost(price(within, "0", record(VM, "1 Hour", "2026-10-05T00:00:00Z", "1000")).get(0))
                .discount())
        .isEqualByComparingTo("14.46");
  }

  @Test
  void markupIsOnTheCostAfterDiscount() {
    AzureRateCard card = card("EUR", overageDiscount("2015-06-10T00:00:00Z"));
    // 1000 h: list 96.4, discount 14.46, after 81.94; markup 12.5 % = 10.2425; amount 92.1825
    LineCost cost =
        cost(price(card, "12.5", record(VM, "1 Hour", "2026-10-05T00:00:00Z", "1000")).get(0));
    assertThat(cost.markup()).isEqualByComparingTo("10.2425");
    assertThat(cost.amount()).isEqualByComparingTo("92.1825");
    assertThat(Money.round(cost.amount(), "EUR")).isEqualTo(d("92.18"));
  }

  @Test
  void roundingIsHalfUpToEachCurrencysMinorUnitAndOnlyForDisplay() {
    assertThat(Money.round(d("95.625"), "EUR")).isEqualTo(d("95.63"));
    assertThat(Money.round(d("1234.5"), "JPY")).isEqualTo(d("1235"));
    assertThat(Money.round(d("1234.49"), "KRW")).isEqualTo(d("1234"));
    assertThat(Money.round(d("1.2345"), "KWD")).isEqualTo(d("1.235"));
    assertThat(Money.fractionDigits("jpy")).isZero();

    // Three lines of 3.333 x 0.1 = 0.3333 each: the exact total 0.9999 shows as 1.00, where the
    // sum of the rounded lines would be 0.99.
    AzureRateCard card =
        AzureRateCard.builder()
            .currency("EUR")
            .meters(
                List.of(
                    meter("a", "1", null, rates("0", "0.1")),
                    meter("b", "1", null, rates("0", "0.1")),
                    meter("c", "1", null, rates("0", "0.1"))))
            .build();
    List<EstimateLine> lines =
        price(
            card,
            "0",
            record("a", "1", "2026-10-01T00:00:00Z", "3.333"),
            record("b", "1", "2026-10-01T00:00:00Z", "3.333"),
            record("c", "1", "2026-10-01T00:00:00Z", "3.333"));
    assertThat(Money.round(Totals.of(lines).amount(), "EUR")).isEqualTo(d("1.00"));
    assertThat(lines)
        .allSatisfy(l -> assertThat(Money.round(cost(l).amount(), "EUR")).isEqualTo(d("0.33")));
  }

  @Test
  void aUnitMismatchOrAMissingMeterIsFlaggedNeverPricedAtZero() {
    List<EstimateLine> lines =
        price(
            card("EUR"),
            "0",
            record(VM, " 1 hour ", "2026-10-05T00:00:00Z", "10"),
            record(NETWORK, "1 Hour", "2026-10-05T00:00:00Z", "10"),
            record("ffffffff-0000-0000-0000-000000000000", "1 GB", "2026-10-05T00:00:00Z", "3"));

    EstimateLine network = lines.get(0);
    EstimateLine vm = lines.get(1);
    EstimateLine unknown = lines.get(2);
    assertThat(vm.cost()).as("unit compared trimmed, in any case").isPresent();
    assertThat(network.cost()).isEmpty();
    assertThat(network.unpricedReason()).contains(UnpricedReason.UNIT_MISMATCH);
    assertThat(network.unpricedDetail()).contains("'1 Hour'").contains("'1 GB'");
    assertThat(unknown.unpricedReason()).contains(UnpricedReason.METER_NOT_IN_RATE_CARD);
    assertThat(unknown.meterName()).as("metadata from the record").isEqualTo("from record");
    Totals totals = Totals.of(lines);
    assertThat(totals.pricedLines()).isOne();
    assertThat(totals.unpricedLines()).isEqualTo(2);
    assertThat(totals.listCost()).isEqualByComparingTo("0.964");
  }

  @Test
  void aCardThatCannotPriceWhatItListsIsRefusedNamingTheMeter() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                RateCardPrices.of(
                    AzureRateCard.builder()
                        .currency("EUR")
                        .meters(List.of(meter(VM, "1 Hour", null, rates("0", "1", "0.0", "2"))))
                        .build()))
        .withMessageContaining(VM)
        .withMessageContaining("two tiers start at 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Tiers.of(rates("10", "1")))
        .withMessageContaining("first tier starts at 10");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Tiers.of(rates("zero", "1")))
        .withMessageContaining("'zero'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RateCardPrices.of(card("EU")))
        .withMessageContaining("three-letter");
    AzureOfferTerm tooMuch = AzureOfferTerm.builder().name("odd").discount(d("1.5")).build();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RateCardPrices.of(card("EUR", tooMuch)))
        .withMessageContaining("odd")
        .withMessageContaining("1.5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Estimator(RateCardPrices.of(card("EUR")), d("-1")))
        .withMessageContaining("markupPercent");
  }

  @Test
  void dailyListCostIsAllocatedProRataToQuantity() {
    // 1000 h = 96.4: 250 h on the 3rd (24.1), 750 h on the 4th (72.3)
    EstimateLine line =
        price(
                card("EUR"),
                "0",
                record(VM, "1 Hour", "2026-10-03T00:00:00Z", "250"),
                record(VM, "1 Hour", "2026-10-04T00:00:00Z", "750"))
            .get(0);
    assertThat(line.listCostByDay().values())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("24.1"), d("72.3"));
  }
}
