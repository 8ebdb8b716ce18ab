package io.github.pcusage.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcusage estimate} against the sandbox: the README's command, the outputs and what they
 * hold, skipped subscriptions, unpriced meters (exit 8 unless {@code --allow-unpriced}) and the
 * markup.
 */
class EstimateCommandTest {
  @RegisterExtension
  static final SandboxExtension SMALL =
      SandboxExtension.builder()
          .seed(42)
          .customers(2)
          .subscriptionsPerCustomer(2)
          .recordsPerSubscription(300)
          .build();

  @RegisterExtension
  static final SandboxExtension UNPRICED =
      SandboxExtension.builder()
          .seed(42)
          .customers(2)
          .subscriptionsPerCustomer(2)
          .recordsPerSubscription(300)
          .unpricedMeters(1)
          .build();

  @TempDir Path tmp;

  @Test
  void theReadmeCommandExitsZeroAndWritesEveryOutput() throws Exception {
    Path dir = tmp.resolve("oct");
    EstimateCli.Result run =
        EstimateCli.run(
            "estimate",
            "--sandbox",
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01",
            "--out-dir",
            dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(EstimateCli.files(dir).keySet())
        .containsExactly(
            "customers.csv",
            "estimate.json",
            "lines.csv",
            "rate-card.json",
            "report.html",
            "status.csv",
            "subscriptions.csv");
    List<String> customers = Files.readAllLines(dir.resolve("customers.csv"));
    assertThat(customers).hasSize(4); // the header and the sandbox's 3 customers
    assertThat(customers.get(0)).isEqualTo(String.join(",", EstimateFiles.CUSTOMER_COLUMNS));
    assertThat(customers.get(1)).contains("Coho Bank,2,").endsWith(",EUR");
    String json = Files.readString(dir.resolve("estimate.json"));
    assertThat(json)
        .contains("\"start\": \"2026-10-01\"", "\"end\": \"2026-11-01\"", "\"currency\": \"EUR\"")
        .contains("reported to billing")
        .contains("\"kind\": \"AZURE_PLAN\"", "\"kind\": \"LICENCE\"", "\"kind\": \"NEW_COMMERCE\"")
        .contains("\"unpricedLines\": 0");
    assertThat(run.err()).contains("estimate: 14747 records of 6 subscriptions (9 skipped)");
  }

  @Test
  void linesHaveTheDocumentedColumnsAndEveryLineIsPriced() throws Exception {
    Path dir = tmp.resolve("small");
    EstimateCli.Result run = EstimateCli.run(EstimateCli.estimate(SMALL.sandbox(), dir));

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("lines.csv"));
    assertThat(lines.get(0)).isEqualTo(String.join(",", EstimateFiles.LINE_COLUMNS));
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l).contains(",EUR,priced,"));
    assertThat(dir.resolve("work")).doesNotExist();
    assertThat(dir.resolve("lines.csv.partial")).doesNotExist();
  }

  @Test
  void anUnpricedMeterExits8AndZeroWithAllowUnpriced() throws Exception {
    String meter = UNPRICED.sandbox().unpricedMeterIds().get(0);
    Path strict = tmp.resolve("strict");
    EstimateCli.Result run = EstimateCli.run(EstimateCli.estimate(UNPRICED.sandbox(), strict));

    assertThat(run.code()).as(run.toString()).isEqualTo(8);
    assertThat(run.errLines()).anySatisfy(l -> assertThat(l).contains("--allow-unpriced"));
    List<String> unpriced =
        Files.readAllLines(strict.resolve("lines.csv")).stream()
            .filter(l -> l.contains(",unpriced,"))
            .toList();
    assertThat(unpriced).isNotEmpty().allSatisfy(l -> assertThat(l).contains(meter));
    assertThat(Files.readString(strict.resolve("estimate.json")))
        .contains("\"unpricedLines\": " + unpriced.size());

    Path allowed = tmp.resolve("allowed");
    EstimateCli.Result again =
        EstimateCli.run(EstimateCli.estimate(UNPRICED.sandbox(), allowed, "--allow-unpriced"));
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(Files.readAllBytes(allowed.resolve("lines.csv")))
        .isEqualTo(Files.readAllBytes(strict.resolve("lines.csv")));
  }

  @Test
  void markupIsAddedOnTheCostAfterDiscount() throws Exception {
    Path plain = tmp.resolve("plain");
    Path marked = tmp.resolve("marked");
    assertThat(EstimateCli.run(EstimateCli.estimate(SMALL.sandbox(), plain)).code()).isZero();
    EstimateCli.Result run =
        EstimateCli.run(EstimateCli.estimate(SMALL.sandbox(), marked, "--markup", "10%"));

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> before = Files.readAllLines(plain.resolve("customers.csv"));
    List<String> after = Files.readAllLines(marked.resolve("customers.csv"));
    for (int i = 1; i < before.size(); i++) {
      String[] b = before.get(i).split(",");
      String[] a = after.get(i).split(",");
      java.math.BigDecimal cost = new java.math.BigDecimal(b[7]);
      assertThat(new java.math.BigDecimal(a[7])).isEqualByComparingTo(cost);
      // the markup is 10 % of the exact cost after discount: within a cent of 10 % of the rounded
      // one
      assertThat(new java.math.BigDecimal(a[8]).subtract(cost.movePointLeft(1)).abs())
          .isLessThanOrEqualTo(new java.math.BigDecimal("0.01"));
    }
    assertThat(Files.readString(marked.resolve("estimate.json"), StandardCharsets.UTF_8))
        .contains("\"markupPercent\": 10");
  }
}
