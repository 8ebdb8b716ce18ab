package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.ErrorsTest.assertCodelessError;
import static io.github.pcusage.sandbox.ErrorsTest.assertPartnerCenterError;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.summary;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriptionsTest {
  static final String OCTOBER = "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(42).customers(8).recordsPerSubscription(62).build();

  static SandboxHttp http;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
  }

  static JsonNode subscriptions(String customer) {
    var response = http.get("/v1/customers/" + customer + "/subscriptions");
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  static JsonNode ofKind(String customer, String offerPrefix) {
    for (JsonNode s : subscriptions(customer).path("items")) {
      if (s.path("offerId").asText().startsWith(offerPrefix)) {
        return s;
      }
    }
    throw new AssertionError("no subscription with an offer " + offerPrefix + " of " + customer);
  }

  @Test
  void eachCustomerHasItsLegacyAzureSubscriptionsThenAnAzurePlanALicenceAndANewCommerceOne() {
    for (String customer : sandbox.customerIds()) {
      JsonNode body = subscriptions(customer);
      JsonNode items = body.path("items");
      List<String> legacy = new ArrayList<>();
      for (JsonNode s : items) {
        if (s.path("offerId").asText().equals("MS-AZR-0145P")) {
          legacy.add(s.path("id").asText());
          assertThat(s.path("billingType").asText()).isEqualTo("usage");
          assertThat(s.path("unitType").asText()).isEqualTo("Usage-based");
          assertThat(s.path("commitmentEndDate").asText()).isEqualTo("9999-12-10T00:00:00Z");
          assertThat(s.path("entitlementId").asText()).isNotEqualTo(s.path("id").asText());
          assertThat(s.path("status").asText()).isIn("active", "suspended");
        }
      }

      assertThat(legacy).isEqualTo(sandbox.subscriptionIds(customer));
      assertThat(items).hasSize(legacy.size() + 3);
      assertThat(body.path("totalCount").asInt()).isEqualTo(items.size());
      assertThat(body.path("links").has("next")).isFalse();
      assertThat(body.path("attributes").path("objectType").asText()).isEqualTo("Collection");
      JsonNode plan = items.get(legacy.size());
      JsonNode licence = items.get(legacy.size() + 1);
      JsonNode newCommerce = items.get(legacy.size() + 2);
      assertThat(plan.path("offerId").asText()).startsWith("DZH318Z0BPS6:");
      assertThat(plan.path("offerName").asText()).isEqualTo("Azure plan");
      assertThat(licence.path("offerId").asText())
          .matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
      assertThat(licence.path("billingType").asText()).isEqualTo("license");
      assertThat(licence.path("unitType").asText()).isEqualTo("Licenses");
      assertThat(newCommerce.path("offerId").asText()).matches("[A-Z0-9]+:[0-9]{4}:[A-Z0-9]+");
      assertThat(newCommerce.path("productType").path("id").asText())
          .isEqualTo("OnlineServicesNCE");
      assertThat(newCommerce.path("termDuration").asText()).isEqualTo("P1M");
      for (JsonNode s : items) {
        assertThat(s.path("attributes").path("objectType").asText()).isEqualTo("Subscription");
        assertThat(s.path("quantity").isInt()).isTrue();
        assertThat(s.path("billingCycle").isTextual()).isTrue();
        assertThat(s.path("contractType").asText()).isEqualTo("subscription");
        assertThat(s.path("links").path("self").path("uri").asText())
            .isEqualTo("/customers/" + customer + "/subscriptions/" + s.path("id").asText());
      }
    }
  }

  @Test
  void statusesIncludeValuesNoDocumentListsAndEveryKindIsInTheDataSet() {
    Set<String> statuses = new TreeSet<>();
    Set<SubscriptionKind> kinds = new TreeSet<>();
    for (String customer : sandbox.customerIds()) {
      subscriptions(customer).path("items").forEach(s -> statuses.add(s.path("status").asText()));
      sandbox.sandbox().dataset().subscriptions(customer).forEach(s -> kinds.add(s.kind()));
    }

    assertThat(statuses).contains("active", "suspended", "expired", "disabled");
    assertThat(kinds).containsExactly(SubscriptionKind.values());
  }

  @Test
  void azurePlanUtilizationIs404AsTheServiceAndItsSummaryIsAnAzurePlanOne() {
    String customer = sandbox.customerIds().get(2);
    String plan = ofKind(customer, "DZH318Z0BPS6:").path("id").asText();

    JsonNode error = assertCodelessError(http.get(utilization(customer, plan, OCTOBER)), 404);
    JsonNode body = json(http.get(summary(customer, plan)));

    assertThat(error.path("description").asText())
        .isEqualTo("Subscription id '" + plan + "' provided was not found under this customer.");
    assertThat(body.path("resourceName").asText()).isEqualTo("Azure plan");
    assertThat(body.path("currencyCode").asText()).isEqualTo("EUR");
    assertThat(body.has("usdTotalCost")).isTrue();
    assertThat(body.has("currencyLocale")).isFalse();
    assertThat(sandbox.sandbox().dataset().kind(customer, plan.toUpperCase(Locale.ROOT)))
        .isEqualTo(SubscriptionKind.AZURE_PLAN);
  }

  @Test
  void licenceAndNewCommerceSubscriptionsAreNotAzureSubscriptionsForTheUsageOperations() {
    String customer = sandbox.customerIds().get(1);
    List<JsonNode> items = new ArrayList<>();
    subscriptions(customer).path("items").forEach(items::add);
    for (JsonNode s : items.subList(items.size() - 2, items.size())) {
      String id = s.path("id").asText();

      assertPartnerCenterError(http.get(utilization(customer, id, OCTOBER)), 400, 800011);
      assertPartnerCenterError(http.get(summary(customer, id)), 400, 800011);
    }
  }

  @Test
  void legacySubscriptionsStillServeRecords() {
    String customer = sandbox.customerIds().get(2);
    for (String s : sandbox.subscriptionIds(customer)) {
      assertThat(SandboxHttp.items(http.walk(utilization(customer, s, OCTOBER)))).isNotEmpty();
    }
  }

  @Test
  void unknownCustomerIsNotFoundAndIdsMatchInAnyCase() {
    String customer = sandbox.customerIds().get(0);

    assertPartnerCenterError(
        http.get("/v1/customers/00000000-0000-0000-0000-000000000000/subscriptions"), 404, 60003);
    assertThat(subscriptions(customer.toUpperCase(Locale.ROOT)).path("items"))
        .isEqualTo(subscriptions(customer).path("items"));
  }

  @Test
  void failingScenarioCustomersAnswerTheirFailure() {
    assertPartnerCenterError(
        http.get("/v1/customers/scenario-forbidden/subscriptions"), 403, 20002);
    assertPartnerCenterError(
        http.get("/v1/customers/scenario-server-error/subscriptions"), 500, 800003);
    assertThat(http.get("/v1/customers/scenario-throttled/subscriptions").statusCode())
        .isEqualTo(429);
  }

  @Test
  void seed42IdsOfTheReadmeStayAsTheyAre() {
    try (Sandbox standard = Sandbox.builder().recordsPerSubscription(0).start()) {
      String customer = "d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd";
      assertThat(standard.customerIds().get(0)).isEqualTo(customer);
      assertThat(standard.subscriptionIds(customer))
          .containsExactly(
              "1c35c894-4536-3e46-92fe-d09c431d6e81", "839bd8ac-d7db-3ce2-aa5a-f0b00c0813d4");
      assertThat(standard.dataset().subscriptions(customer))
          .extracting(Subscription::id)
          .startsWith(
              "1c35c894-4536-3e46-92fe-d09c431d6e81", "839bd8ac-d7db-3ce2-aa5a-f0b00c0813d4");
    }
  }
}
