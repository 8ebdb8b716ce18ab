package io.github.pcusage.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.pcusage.estimate.Money;
import io.github.pcusage.estimate.Totals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html read on the JVM: self-contained, its figures the estimate's, every chart fed. */
class ReportHtmlTest {
  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(Document page) throws IOException {
    Element json = page.getElementById("estimate-data");
    assertThat(json).isNotNull();
    return (Map<String, Object>)
        new Moshi.Builder()
            .build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class))
            .fromJson(json.data());
  }

  static Document write(EstimateReport report, Path file) throws IOException {
    ReportHtml.write(report, file);
    return Jsoup.parse(file.toFile(), "UTF-8");
  }

  @Test
  void nothingIsLoadedFromTheNetwork() throws IOException {
    Path file = dir.resolve("report.html");
    Document page = write(ReportSamples.report(), file);

    assertThat(page.select("script[src], link[href], img[src], iframe, object, embed")).isEmpty();
    for (Element style : page.select("style")) {
      assertThat(style.data()).doesNotContain("url(").doesNotContain("@import");
    }
    assertThat(page.select("script")).hasSize(3);
    assertThat(page.select("script").get(1).data())
        .as("ECharts inlined")
        .startsWith(ReportHtml.read(ReportHtml.ECHARTS).substring(0, 200));
    assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEmbeddedTotalsAreTheEstimatesRoundedOnce() throws IOException {
    EstimateReport report = ReportSamples.report();
    Map<String, Object> data = data(write(report, dir.resolve("report.html")));

    Totals all = Totals.of(report.lines());
    Map<String, Object> totals = (Map<String, Object>) data.get("totals");
    assertThat(totals.get("amount")).isEqualTo(Money.round(all.amount(), "EUR").toPlainString());
    assertThat(totals.get("listCost"))
        .isEqualTo(Money.round(all.listCost(), "EUR").toPlainString());
    assertThat(((Number) totals.get("unpricedLines")).intValue()).isEqualTo(1);

    SortedMap<String, Totals> byCustomer = Totals.byCustomer(report.lines());
    List<Map<String, Object>> customers = (List<Map<String, Object>>) data.get("customers");
    assertThat(customers).extracting(c -> c.get("id")).containsExactly("c-1", "c-2", "c-3");
    for (Map<String, Object> c : customers) {
      Map<String, Object> t = (Map<String, Object>) c.get("totals");
      assertThat(t.get("amount"))
          .isEqualTo(Money.round(byCustomer.get(c.get("id")).amount(), "EUR").toPlainString());
    }
    assertThat(customers.get(1).get("name")).isEqualTo(ReportSamples.HOSTILE_NAME);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyChartHasData() throws IOException {
    Map<String, Object> data = data(write(ReportSamples.report(), dir.resolve("report.html")));

    assertThat((List<Object>) data.get("customers")).hasSize(3);
    assertThat((List<Map<String, Object>>) data.get("categories"))
        .extracting(c -> c.get("name"))
        .containsExactly("Networking", "Storage", "Virtual Machines");
    Map<String, Object> daily = (Map<String, Object>) data.get("daily");
    assertThat((List<Object>) daily.get("days")).hasSize(31).first().isEqualTo("2026-10-01");
    for (Map<String, Object> series : (List<Map<String, Object>>) daily.get("series")) {
      assertThat((List<Object>) series.get("values")).hasSize(31);
    }
    assertThat((List<Object>) data.get("topMeters")).hasSize(3);
    assertThat((List<Map<String, Object>>) data.get("unpriced"))
        .singleElement()
        .satisfies(u -> assertThat(u.get("reason")).isEqualTo("meter not in the rate card"));
    assertThat((List<Object>) data.get("skipped")).hasSize(1);
    assertThat((List<Map<String, Object>>) data.get("reconciliations"))
        .singleElement()
        .satisfies(r -> assertThat(r.get("difference")).isEqualTo("-0.02"));
  }

  @Test
  void aNameCannotEndTheScriptItIsIn() throws IOException {
    Document page = write(ReportSamples.report(), dir.resolve("report.html"));

    assertThat(page.select("script")).hasSize(3);
    assertThat(page.getElementById("estimate-data").data()).doesNotContain("</");
    assertThat(page.select("b")).isEmpty();
  }
}
