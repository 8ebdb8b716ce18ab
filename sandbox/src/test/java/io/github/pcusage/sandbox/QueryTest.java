package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QueryTest {
  static final String OCTOBER = "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(7).recordsPerSubscription(620).build();

  static SandboxHttp http;
  static String customer;
  static String subscription;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
    customer = sandbox.customerIds().get(1);
    subscription = sandbox.subscriptionIds(customer).get(1);
  }

  private List<JsonNode> records(String query) {
    return items(http.walk(utilization(customer, subscription, query)));
  }

  @Test
  void adjacentWindowsSplitTheRecordsWithoutOverlap() {
    List<JsonNode> whole = records("start_time=2026-09-01T00:00:00Z&end_time=2026-12-01T00:00:00Z");
    List<JsonNode> before =
        records("start_time=2026-09-01T00:00:00Z&end_time=2026-10-15T12:00:00Z");
    List<JsonNode> after = records("start_time=2026-10-15T12:00:00Z&end_time=2026-12-01T00:00:00Z");

    assertThat(before).isNotEmpty();
    assertThat(after).isNotEmpty();
    List<JsonNode> joined = new ArrayList<>(before);
    joined.addAll(after);
    assertThat(joined).containsExactlyInAnyOrderElementsOf(whole);
    assertThat(whole).hasSize(620);
  }

  @Test
  void windowSelectsByReportingTimeSoUsageCanStartBeforeIt() {
    OffsetDateTime windowStart = OffsetDateTime.parse("2026-10-01T00:00:00Z");
    List<JsonNode> october = records(OCTOBER);

    assertThat(october).isNotEmpty().hasSizeLessThan(620);
    assertThat(october)
        .anySatisfy(
            r ->
                assertThat(OffsetDateTime.parse(r.path("usageStartTime").asText()))
                    .isBefore(windowStart));
  }

  @Test
  void offsetsInTheWindowAreHonoured() {
    List<JsonNode> utc = records(OCTOBER);
    List<JsonNode> shifted =
        records("start_time=2026-10-01T02:00:00%2B02:00&end_time=2026-11-01T01:00:00%2B01:00");
    List<JsonNode> plusUnencoded =
        records("start_time=2026-10-01T02:00:00+02:00&end_time=2026-11-01T01:00:00+01:00");

    assertThat(shifted).isEqualTo(utc);
    assertThat(plusUnencoded).isEqualTo(utc);
  }

  @Test
  void hourlyGranularitySplitsEachDayIntoHoursThatAddUpExactly() {
    List<JsonNode> daily = records(OCTOBER);
    List<JsonNode> hourly = records(OCTOBER + "&granularity=hourly");

    assertThat(hourly).hasSize(daily.size() * 24);
    for (int d = 0; d < daily.size(); d++) {
      JsonNode day = daily.get(d);
      BigDecimal sum = BigDecimal.ZERO;
      for (int h = 0; h < 24; h++) {
        JsonNode hour = hourly.get(d * 24 + h);
        assertThat(hour.path("resource")).isEqualTo(day.path("resource"));
        assertThat(hour.path("instanceData")).isEqualTo(day.path("instanceData"));
        sum = sum.add(hour.path("quantity").decimalValue());
      }
      assertThat(sum.compareTo(day.path("quantity").decimalValue()))
          .as("hours of %s", day)
          .isZero();
      assertThat(hourly.get(d * 24).path("usageStartTime").asText())
          .isEqualTo(day.path("usageStartTime").asText());
      assertThat(hourly.get(d * 24 + 23).path("usageEndTime").asText())
          .isEqualTo(day.path("usageEndTime").asText());
      OffsetDateTime firstEnd =
          OffsetDateTime.parse(hourly.get(d * 24).path("usageEndTime").asText());
      assertThat(firstEnd)
          .isEqualTo(OffsetDateTime.parse(day.path("usageStartTime").asText()).plusHours(1));
    }
  }

  @Test
  void granularityIgnoresCase() {
    assertThat(records(OCTOBER + "&granularity=Daily")).isEqualTo(records(OCTOBER));
    assertThat(records(OCTOBER + "&granularity=HOURLY"))
        .isEqualTo(records(OCTOBER + "&granularity=hourly"));
  }

  @Test
  void withoutDetailsRecordsAreAggregatedPerResourceWithoutInstanceData() {
    List<JsonNode> detailed = records(OCTOBER);
    List<JsonNode> aggregated = records(OCTOBER + "&show_details=false");

    assertThat(aggregated).isNotEmpty().hasSizeLessThan(detailed.size());
    Map<String, BigDecimal> expected = new LinkedHashMap<>();
    for (JsonNode record : detailed) {
      expected.merge(group(record), record.path("quantity").decimalValue(), BigDecimal::add);
    }
    Map<String, BigDecimal> actual = new LinkedHashMap<>();
    for (JsonNode record : aggregated) {
      assertThat(record.has("instanceData")).isFalse();
      assertThat(actual.put(group(record), record.path("quantity").decimalValue())).isNull();
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((key, sum) -> assertThat(actual.get(key)).isEqualByComparingTo(sum));
  }

  private static String group(JsonNode record) {
    return record.path("resource").path("id").asText()
        + "|"
        + record.path("usageStartTime").asText()
        + "|"
        + record.path("usageEndTime").asText();
  }

  @Test
  void showDetailsTrueIsTheDefault() {
    assertThat(records(OCTOBER + "&show_details=TRUE")).isEqualTo(records(OCTOBER));
  }

  @Test
  void sizeIsTheDefaultThousand() {
    JsonNode page =
        json(http.get(utilization(customer, subscription, OCTOBER + "&granularity=hourly")));
    assertThat(page.path("items")).hasSize(1000);
    assertThat(page.path("links").path("self").path("uri").asText()).contains("size=1000");
  }
}
