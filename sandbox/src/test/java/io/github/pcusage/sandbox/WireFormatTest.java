package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WireFormatTest {
  static final String OCTOBER = "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z";

  @RegisterExtension
  static final SandboxExtension sandbox = SandboxExtension.builder().seed(3).build();

  static SandboxHttp http;
  static List<JsonNode> pages;
  static List<JsonNode> records;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
    String customer = sandbox.customerIds().get(2);
    pages = http.walk(utilization(customer, sandbox.subscriptionIds(customer).get(1), OCTOBER));
    records = items(pages);
  }

  @Test
  void octoberHoldsMostOfTheRecords() {
    assertThat(records).hasSizeBetween(2200, 2500);
  }

  @Test
  void numbersArePlainDecimalsKeepingTheirScale() {
    String raw =
        new String(
            http.get(
                    utilization(
                        sandbox.customerIds().get(0),
                        sandbox.subscriptionIds(sandbox.customerIds().get(0)).get(0),
                        OCTOBER))
                .body(),
            StandardCharsets.UTF_8);

    assertThat(raw).doesNotContainPattern("\"quantity\":-?[0-9.]+[eE]");
    assertThat(raw).containsPattern("\"quantity\":[0-9]+\\.[0-9]*0[,}]"); // trailing zeros kept
  }

  @Test
  void quantitiesCarryFifteenOrMoreSignificantDigits() {
    long longOnes =
        records.stream()
            .map(r -> r.path("quantity").decimalValue())
            .filter(q -> q.stripTrailingZeros().precision() >= 15)
            .count();
    assertThat(longOnes).isGreaterThan(records.size() * 3L / 4);
    assertThat(records).allSatisfy(r -> assertThat(r.path("quantity").decimalValue()).isPositive());
  }

  @Test
  void datesHaveNonUtcOffsetsAndSometimesSevenFractionDigits() {
    assertThat(records)
        .allSatisfy(
            r -> {
              String start = r.path("usageStartTime").asText();
              assertThat(start)
                  .matches(
                      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,7})?[+-]\\d\\d:\\d\\d");
              assertThat(OffsetDateTime.parse(start).getOffset()).isNotEqualTo(ZoneOffset.UTC);
              assertThat(OffsetDateTime.parse(r.path("usageEndTime").asText()))
                  .isAfter(OffsetDateTime.parse(start));
            });
    assertThat(records)
        .anySatisfy(r -> assertThat(r.path("usageEndTime").asText()).contains(".9999999"));
    assertThat(records)
        .anySatisfy(r -> assertThat(r.path("usageStartTime").asText()).contains("."));
  }

  @Test
  void recordsHaveTheDocumentedFields() {
    for (JsonNode r : records) {
      JsonNode resource = r.path("resource");
      assertThat(resource.path("id").asText()).matches("[0-9a-f-]{36}");
      assertThat(resource.path("name").asText()).isNotEmpty();
      assertThat(resource.path("category").asText()).isNotEmpty();
      assertThat(resource.has("subcategory")).isTrue();
      if (resource.has("region")) { // absent on every eighth resource
        assertThat(resource.path("region").isTextual()).isTrue();
      }
      assertThat(r.path("unit").asText()).isNotEmpty();
      assertThat(r.path("infoFields").isObject()).isTrue();
      assertThat(r.path("attributes").path("objectType").asText())
          .isEqualTo("AzureUtilizationRecord");
      if (r.has("instanceData")) {
        JsonNode instance = r.path("instanceData");
        assertThat(instance.path("resourceUri").asText()).startsWith("/subscriptions/");
        assertThat(instance.path("location").asText()).isNotEmpty();
        assertThat(instance.path("partNumber").asText("x")).isEmpty();
        assertThat(instance.path("orderNumber").asText("x")).isEmpty();
      }
    }
  }

  @Test
  void optionalPartsAreSometimesAbsentAndMapsSometimesEmpty() {
    assertThat(records).anySatisfy(r -> assertThat(r.has("instanceData")).isFalse());
    assertThat(records)
        .anySatisfy(r -> assertThat(r.path("instanceData").path("tags").isObject()).isTrue());
    assertThat(records)
        .anySatisfy(
            r -> {
              assertThat(r.has("instanceData")).isTrue();
              assertThat(r.path("instanceData").has("tags")).isFalse();
            });
    assertThat(records)
        .anySatisfy(
            r -> assertThat(r.path("instanceData").path("additionalInfo").isObject()).isTrue());
    assertThat(records).anySatisfy(r -> assertThat(r.path("infoFields")).isEmpty());
    assertThat(records).anySatisfy(r -> assertThat(r.path("infoFields")).isNotEmpty());
    assertThat(records)
        .anySatisfy(
            r -> assertThat(r.path("instanceData").path("resourceUri").asText()).contains(" "));
  }

  @Test
  void regionIsSometimesAbsentAsInRealPayloads() {
    long withRegion = records.stream().filter(r -> r.path("resource").has("region")).count();

    assertThat(withRegion).isGreaterThan(records.size() / 2L).isLessThan(records.size());
  }

  @Test
  void infoFieldsKeysAreCamelCaseAsDocumented() {
    assertThat(records)
        .filteredOn(r -> r.path("infoFields").size() > 0)
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.path("infoFields").fieldNames())
                    .toIterable()
                    .containsExactly(
                        "meteredRegion", "meteredService", "meteredServiceType", "project"));
  }

  @Test
  void selfLinksEchoTheQueryAsTheServiceDoes() {
    String customer = sandbox.customerIds().get(0);
    String subscription = sandbox.subscriptionIds(customer).get(0);
    String daily =
        SandboxHttp.json(
                http.get(
                    utilization(
                        customer,
                        subscription,
                        "start_time=2026-10-01T02:00:00%2B02:00&end_time=2026-11-01T00:00:00Z"
                            + "&granularity=daily&show_details=true&size=5")))
            .path("links")
            .path("self")
            .path("uri")
            .asText();
    String hourly =
        SandboxHttp.json(
                http.get(
                    utilization(
                        customer,
                        subscription,
                        OCTOBER + "&granularity=HOURLY&show_details=FALSE")))
            .path("links")
            .path("self")
            .path("uri")
            .asText();

    assertThat(daily)
        .isEqualTo(
            "customers/"
                + customer
                + "/subscriptions/"
                + subscription
                + "/utilizations/azure?start_time=2026-10-01T00%3A00%3A00Z"
                + "&end_time=2026-11-01T00%3A00%3A00Z&granularity=Daily&show_details=True&size=5");
    assertThat(hourly).contains("&granularity=Hourly&show_details=False&");
  }

  @Test
  void everyMeterHasAPrice() {
    for (JsonNode r : records) {
      assertThat(PriceTable.standard().price(r.path("resource").path("id").asText()))
          .isGreaterThan(BigDecimal.ZERO);
    }
  }
}
