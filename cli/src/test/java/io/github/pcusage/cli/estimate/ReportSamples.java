package io.github.pcusage.cli.estimate;

import io.github.pcusage.estimate.Estimator;
import io.github.pcusage.estimate.RateCardPrices;
import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureOfferTerm;
import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A small estimate to write reports from: three customers, three categories, one unpriced meter.
 */
final class ReportSamples {
  static final String HOSTILE_NAME =
      "Fabrikam </script><script>window.pwned=1</script> & <b>Co</b>";

  private ReportSamples() {}

  static AzureMeter meter(
      String id, String name, String category, String unit, Map<String, BigDecimal> rates) {
    return AzureMeter.builder()
        .id(id)
        .name(name)
        .category(category)
        .region("EU West")
        .unit(unit)
        .rates(rates)
        .includedQuantity(BigDecimal.ZERO)
        .build();
  }

  static AzureRateCard card() {
    return AzureRateCard.builder()
        .currency("EUR")
        .locale("en-US")
        .meters(
            List.of(
                meter(
                    "m-vm",
                    "D2 v3",
                    "Virtual Machines",
                    "1 Hour",
                    Map.of("0", new BigDecimal("0.0964"))),
                meter(
                    "m-net",
                    "Data Transfer Out",
                    "Networking",
                    "1 GB",
                    Map.of(
                        "0",
                        BigDecimal.ZERO,
                        "5",
                        new BigDecimal("0.0736"),
                        "10240.0000000000",
                        new BigDecimal("0.0702"))),
                meter(
                    "m-disk",
                    "P10 Disk",
                    "Storage",
                    "1/Month",
                    Map.of("0", new BigDecimal("17.92")))))
        .offerTerms(
            List.of(
                AzureOfferTerm.builder()
                    .name("Overage discount")
                    .discount(new BigDecimal("0.15"))
                    .excludedMeterIds(List.of("m-net"))
                    .build()))
        .build();
  }

  static AzureUtilizationRecord record(String meter, String unit, String day, String quantity) {
    OffsetDateTime start = OffsetDateTime.parse(day + "T00:00:00Z");
    return AzureUtilizationRecord.builder()
        .usageStartTime(start)
        .usageEndTime(start.plusDays(1))
        .resource(
            AzureResource.builder().id(meter).name("record " + meter).category("Other").build())
        .unit(unit)
        .quantity(new BigDecimal(quantity))
        .build();
  }

  static EstimateReport report() {
    Estimator estimator = new Estimator(RateCardPrices.of(card()), new BigDecimal("10"));
    for (int day = 1; day <= 31; day++) {
      String date = String.format("2026-10-%02d", day);
      estimator.add("c-1", "s-1", record("m-vm", "1 Hour", date, String.valueOf(24 + day % 5)));
      estimator.add("c-1", "s-1", record("m-net", "1 GB", date, String.valueOf(300 + 10 * day)));
      estimator.add("c-2", "s-2", record("m-vm", "1 Hour", date, "48"));
      if (day % 7 == 0) {
        estimator.add("c-2", "s-3", record("m-disk", "1/Month", date, "0.25"));
        estimator.add("c-3", "s-4", record("m-gone", "1 Hour", date, "3"));
      }
    }
    return new EstimateReport(
        LocalDate.parse("2026-10-01"),
        LocalDate.parse("2026-11-01"),
        new EstimateReport.CardInfo(
            "EUR", "en-US", 3, "2019-10-01T00:00:00Z", "2020-05-01T00:00:00Z"),
        new BigDecimal("10"),
        estimator.lines(),
        Map.of("c-1", "Contoso Ltd", "c-2", HOSTILE_NAME, "c-3", "Tailspin Toys"),
        List.of(new EstimateReport.Skipped("c-1", "s-9", "Azure plan", "AZURE_PLAN")),
        List.of(
            new EstimateReport.Reconciliation(
                "c-2", "s-2", new BigDecimal("143.46"), new BigDecimal("143.4432"), "")));
  }
}
