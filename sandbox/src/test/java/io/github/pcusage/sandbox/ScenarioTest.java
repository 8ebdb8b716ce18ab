package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.ErrorsTest.assertCodelessError;
import static io.github.pcusage.sandbox.ErrorsTest.assertPartnerCenterError;
import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.summary;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {
  static final String ALL = "start_time=2026-09-01T00:00:00Z&end_time=2026-12-01T00:00:00Z&size=10";
  static final String SUB = "6a0c0a84-5f0e-4d56-9a39-3a1f6f3f2c11";

  /** A fresh sandbox for each test: the states count calls. */
  @RegisterExtension
  final SandboxExtension sandbox = SandboxExtension.builder().recordsPerSubscription(25).build();

  SandboxHttp http;

  @BeforeEach
  void setUp() {
    http = new SandboxHttp(sandbox);
  }

  private HttpResponse<byte[]> first(String customer) {
    return http.get(utilization(customer, SUB, ALL));
  }

  @Test
  void notReadyAnswers204WithRetryAfterForTheFirstCallsThenData() {
    for (int call = 0; call < 2; call++) {
      HttpResponse<byte[]> response = first("scenario-not-ready-2");
      assertThat(response.statusCode()).isEqualTo(204);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(response.body()).isEmpty();
    }
    assertThat(items(http.walk(utilization("scenario-not-ready-2", SUB, ALL)))).hasSize(25);
  }

  @Test
  void notReadyCountsPerPairAndPerSandbox() {
    assertThat(first("scenario-not-ready-1").statusCode()).isEqualTo(204);
    assertThat(http.get(utilization("scenario-not-ready-1", "other", ALL)).statusCode())
        .isEqualTo(204);
    assertThat(first("scenario-not-ready-1").statusCode()).isEqualTo(200);
    try (Sandbox fresh = sandbox.newSandbox()) {
      assertThat(
              new SandboxHttp(fresh)
                  .get(utilization("scenario-not-ready-1", SUB, ALL))
                  .statusCode())
          .isEqualTo(204);
    }
  }

  @Test
  void nextNotReadyAnswers204OnAFollowUpPageThenTheSamePage() {
    JsonNode page = json(first("scenario-next-not-ready-1"));
    HttpResponse<byte[]> refused = http.next(page);
    HttpResponse<byte[]> retried = http.next(page);

    assertThat(refused.statusCode()).isEqualTo(204);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(json(retried).path("items")).hasSize(10);
  }

  @Test
  void nextServerErrorAnswers500OnAFollowUpPage() {
    JsonNode page = json(first("scenario-next-server-error-1"));
    assertPartnerCenterError(http.next(page), 500, 800003);
    assertThat(http.next(page).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource({
    "scenario-bad-request, 400, 800011",
    "scenario-forbidden, 403, 20002",
    "scenario-not-found, 404, 20003",
    "scenario-server-error, 500, 800003"
  })
  void errorScenariosAnswerTheirStatusWithARealBodyEveryTime(String id, int status, long code) {
    for (int call = 0; call < 3; call++) {
      assertPartnerCenterError(first(id), status, code);
      assertPartnerCenterError(http.get(summary(id, SUB)), status, code);
    }
  }

  @Test
  void unauthorizedAnswersTheWrongAudienceCodeAsAString() {
    for (int call = 0; call < 3; call++) {
      assertPartnerCenterError(first("scenario-unauthorized"), 401, "900420");
      assertPartnerCenterError(http.get(summary("scenario-unauthorized", SUB)), 401, "900420");
    }
  }

  @Test
  void unavailableAnswers503WithoutACodeAsNoneIsDocumented() {
    for (int call = 0; call < 3; call++) {
      assertCodelessError(first("scenario-unavailable"), 503);
      assertCodelessError(http.get(summary("scenario-unavailable", SUB)), 503);
    }
  }

  @Test
  void countedServerErrorRecovers() {
    assertPartnerCenterError(first("scenario-server-error-1"), 500, 800003);
    assertThat(first("scenario-server-error-1").statusCode()).isEqualTo(200);
  }

  @Test
  void throttledAnswers429WithRetryAfterSecondsAndTheThrottlingBody() {
    HttpResponse<byte[]> response = first("scenario-throttled-1");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    JsonNode body = json(response);
    assertThat(body.path("statusCode").asInt()).isEqualTo(429);
    assertThat(body.path("message").asText())
        .isEqualTo("Rate limit is exceeded. Try again in 1 seconds.");
    assertThat(first("scenario-throttled-1").statusCode()).isEqualTo(200);
  }

  @Test
  void throttledDateAnswers429WithAnHttpDate() {
    HttpResponse<byte[]> response = first("scenario-throttled-date");

    assertThat(response.statusCode()).isEqualTo(429);
    String retryAfter = response.headers().firstValue("Retry-After").orElseThrow();
    assertThat(ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME))
        .isAfter(ZonedDateTime.now().minusSeconds(1));
  }

  @Test
  void notReadyDateAnswers204WithAnHttpDateOnTheFirstPage() {
    HttpResponse<byte[]> response = first("scenario-not-ready-date-1");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertHttpDateRetryAfter(response);
    assertThat(first("scenario-not-ready-date-1").statusCode()).isEqualTo(200);
  }

  @Test
  void nextNotReadyDateAnswers204WithAnHttpDateOnAFollowUpPage() {
    JsonNode page = json(first("scenario-next-not-ready-date-1"));
    HttpResponse<byte[]> refused = http.next(page);

    assertThat(refused.statusCode()).isEqualTo(204);
    assertThat(refused.body()).isEmpty();
    assertHttpDateRetryAfter(refused);
    assertThat(http.next(page).statusCode()).isEqualTo(200);
  }

  @Test
  void providerStateSendsRetryAfterAsAnHttpDateOnEvery204() {
    String customer = "da7e0000-0000-4000-8000-000000000204";
    sandbox.scenarios().records(customer, SUB, 25).notReady(customer, SUB, 1);
    sandbox.scenarios().retryAfterAsHttpDate(customer, SUB).nextPageNotReady(customer, SUB, 1);

    assertHttpDateRetryAfter(first(customer));
    assertHttpDateRetryAfter(http.next(json(first(customer))));
  }

  private static void assertHttpDateRetryAfter(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isIn(204, 429);
    String retryAfter = response.headers().firstValue("Retry-After").orElseThrow();
    assertThat(retryAfter)
        .matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
    assertThat(ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME))
        .isAfter(ZonedDateTime.now().minusSeconds(1));
  }

  @Test
  void azurePlanUtilizationIsNotFoundWithTheServicesDescription() {
    for (String customer : List.of("scenario-azure-plan", "SCENARIO-AZURE-PLAN")) {
      JsonNode body = assertCodelessError(first(customer), 404);
      assertThat(body.path("description").asText())
          .isEqualTo("Subscription id '" + SUB + "' provided was not found under this customer.");
    }
  }

  @Test
  void nullsScenarioSendsExplicitNullForOptionalFields() {
    List<JsonNode> pages = http.walk(utilization("scenario-nulls", SUB, ALL));
    List<JsonNode> records = items(pages);
    JsonNode last = pages.get(pages.size() - 1);

    assertThat(records).hasSize(25);
    assertThat(last.path("links").has("next")).isTrue();
    assertThat(last.path("links").path("next").isNull()).isTrue();
    for (String field : List.of("unit", "infoFields", "instanceData", "attributes")) {
      assertThat(records).as(field).anyMatch(r -> isExplicitNull(r.get(field)));
    }
    assertThat(records).anyMatch(r -> isExplicitNull(r.path("resource").get("subcategory")));
    assertThat(records).anyMatch(r -> isExplicitNull(r.path("resource").get("region")));
    for (String field :
        List.of("tags", "additionalInfo", "location", "partNumber", "orderNumber")) {
      assertThat(records)
          .as(field)
          .anyMatch(r -> isExplicitNull(r.path("instanceData").get(field)));
    }
    assertThat(records)
        .allSatisfy(
            r -> {
              assertThat(r.path("usageStartTime").isTextual()).isTrue();
              assertThat(r.path("quantity").isNumber()).isTrue();
              assertThat(r.path("resource").path("id").isTextual()).isTrue();
            });
    JsonNode summary = json(http.get(summary("scenario-nulls", SUB)));
    assertThat(isExplicitNull(summary.get("currencyCode"))).isTrue();
    assertThat(isExplicitNull(summary.get("usdTotalCost"))).isTrue();
  }

  private static boolean isExplicitNull(JsonNode node) {
    return node != null && node.isNull();
  }

  @Test
  void azurePlanSummaryHasCurrencyCodeAndUsdTotal() {
    JsonNode summary = json(http.get(summary("scenario-azure-plan", SUB)));

    assertThat(summary.path("resourceName").asText()).isEqualTo("Azure plan");
    assertThat(summary.path("currencyCode").asText()).isEqualTo("EUR");
    assertThat(summary.has("currencyLocale")).isFalse();
    assertThat(summary.has("id")).isFalse();
    assertThat(summary.path("usdTotalCost").decimalValue())
        .isEqualTo(
            PriceTable.roundMoney(
                summary.path("totalCost").decimalValue().multiply(PriceTable.EUR_TO_USD)));
  }

  @Test
  void noUsageHasNoRecordsAndItsSummaryIsError3000() {
    assertThat(json(first("scenario-no-usage")).path("items")).isEmpty();
    assertPartnerCenterError(http.get(summary("scenario-no-usage", SUB)), 404, 3000);
  }

  @Test
  void nextLinkScenariosUseTheOtherLinkForms() {
    assertThat(
            json(first("scenario-next-link-leading-slash"))
                .path("links")
                .path("next")
                .path("uri")
                .asText())
        .startsWith("/customers/scenario-next-link-leading-slash/");
    assertThat(json(first("scenario-next-link-v1")).path("links").path("next").path("uri").asText())
        .startsWith("/v1/customers/scenario-next-link-v1/");
    assertThat(items(http.walk(utilization("scenario-next-link-v1", SUB, ALL)))).hasSize(25);
  }

  @Test
  void quirksSendTheShapesSeenInRealPayloads() {
    List<JsonNode> records = items(http.walk(utilization("scenario-quirks", SUB, ALL)));

    assertThat(records).hasSize(25);
    assertThat(records).anySatisfy(r -> assertThat(r.path("instanceData").isTextual()).isTrue());
    assertThat(records)
        .anySatisfy(r -> assertThat(r.path("instanceData").path("tags").asText("x")).isEmpty());
    assertThat(records)
        .anySatisfy(
            r -> assertThat(r.path("instanceData").path("additionalInfo").isTextual()).isTrue());
    assertThat(records).anySatisfy(r -> assertThat(r.has("meterRegionDetails")).isTrue());
  }

  @Test
  void unknownScenarioIsNotFound() {
    assertPartnerCenterError(first("scenario-no-such-thing"), 404, 20003);
  }

  @Test
  void providerStatesConfigurePagesAndFailuresAtRunTime() {
    String customer = "4d3c2b1a-0000-4000-8000-00000000c0de";
    sandbox
        .scenarios()
        .pages(customer, SUB, 3, 10)
        .notReady(customer, SUB, 1)
        .failing(customer, SUB, 429, 1);

    assertThat(first(customer).statusCode()).isEqualTo(429);
    assertThat(first(customer).statusCode()).isEqualTo(204);
    List<JsonNode> pages = http.walk(utilization(customer, SUB, ALL));
    assertThat(pages).hasSize(3);
    assertThat(items(pages)).hasSize(30);

    sandbox.scenarios().nextPageNotReady(customer, SUB, 1).nextPageFailing(customer, SUB, 1);
    JsonNode page = json(first(customer));
    assertThat(http.next(page).statusCode()).isEqualTo(204);
    assertThat(http.next(page).statusCode()).isEqualTo(500);
    assertThat(http.next(page).statusCode()).isEqualTo(200);

    sandbox.scenarios().reset();
    assertPartnerCenterError(first(customer), 404, 20003);
  }

  @Test
  void providerStatesCanMakeADatasetSubscriptionAnAzurePlanOrRestyleItsLinks() {
    String customer = sandbox.customerIds().get(0);
    String subscription = sandbox.subscriptionIds(customer).get(0);
    sandbox
        .scenarios()
        .azurePlan(customer, subscription)
        .nextLinkStyle(customer, sandbox.subscriptionIds(customer).get(1), NextLinkStyle.V1);

    assertThat(json(http.get(summary(customer, subscription))).path("currencyCode").asText())
        .isEqualTo("EUR");
    assertCodelessError(http.get(utilization(customer, subscription, ALL)), 404);
    assertThat(
            json(http.get(utilization(customer, sandbox.subscriptionIds(customer).get(1), ALL)))
                .path("links")
                .path("next")
                .path("uri")
                .asText())
        .startsWith("/v1/");
  }

  @Test
  void providerStatesRejectBadArguments() {
    assertThatThrownBy(() -> sandbox.scenarios().failing("c", "s", 418, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("418");
    assertThatThrownBy(() -> sandbox.scenarios().records("c", "s", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Scenarios.exampleIds()).contains("scenario-not-ready-2", "scenario-azure-plan");
  }
}
