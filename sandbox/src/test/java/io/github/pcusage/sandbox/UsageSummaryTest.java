package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.summary;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsageSummaryTest {
  static final String BILLING_PERIOD =
      "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(11).recordsPerSubscription(1200).build();

  static SandboxHttp http;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
  }

  /** The billing period's quantity per meter id, summed from the utilization records. */
  static Map<String, BigDecimal> quantities(String customer, String subscription) {
    Map<String, BigDecimal> quantities = new TreeMap<>();
    for (JsonNode record : items(http.walk(utilization(customer, subscription, BILLING_PERIOD)))) {
      quantities.merge(
          record.path("resource").path("id").asText(),
          record.path("quantity").decimalValue(),
          BigDecimal::add);
    }
    return quantities;
  }

  static CardArithmetic card() {
    HttpResponse<byte[]> response = http.get("/v1/ratecards/azure");
    assertThat(response.statusCode()).isEqualTo(200);
    return new CardArithmetic(json(response));
  }

  @Test
  void totalCostPricesEachMetersPeriodQuantityByTheRateCardsGraduatedTiers() {
    CardArithmetic card = card();
    for (String customer : sandbox.customerIds()) {
      for (String subscription : sandbox.subscriptionIds(customer)) {
        JsonNode body = json(http.get(summary(customer, subscription)));

        assertThat(body.path("totalCost").decimalValue())
            .isEqualTo(card.total(quantities(customer, subscription)));
        assertThat(body.path("totalCost").decimalValue().scale()).isEqualTo(20);
      }
    }
  }

  @Test
  void tiersAndIncludedQuantitiesChangeTheTotalsOfThisDataSet() {
    CardArithmetic card = card();
    boolean crossedATier = false;
    boolean usedAnIncludedQuantity = false;
    boolean differsFromFlatPricing = false;
    for (String customer : sandbox.customerIds()) {
      for (String subscription : sandbox.subscriptionIds(customer)) {
        BigDecimal flat = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> meter : quantities(customer, subscription).entrySet()) {
          String id = meter.getKey();
          BigDecimal q = meter.getValue();
          BigDecimal billable = q.subtract(card.included(id));
          crossedATier |=
              card.tiers(id).size() > 1
                  && billable.compareTo(card.tiers(id).keySet().toArray(new BigDecimal[0])[1]) > 0;
          usedAnIncludedQuantity |= card.included(id).signum() > 0 && q.signum() > 0;
          flat = flat.add(q.multiply(card.tiers(id).firstEntry().getValue()));
        }
        BigDecimal total =
            json(http.get(summary(customer, subscription))).path("totalCost").decimalValue();
        differsFromFlatPricing |= total.compareTo(flat) != 0;
      }
    }

    assertThat(crossedATier).isTrue();
    assertThat(usedAnIncludedQuantity).isTrue();
    assertThat(differsFromFlatPricing).isTrue();
  }

  @Test
  void legacySummaryLooksLikeTheRealOne() {
    String customer = sandbox.customerIds().get(0);
    String subscription = sandbox.subscriptionIds(customer).get(1);
    JsonNode body = json(http.get(summary(customer, subscription)));

    assertThat(body.path("id").asText()).isEqualTo(subscription);
    assertThat(body.path("resourceId").asText()).isEqualTo(subscription);
    assertThat(body.path("name").asText()).isEqualTo(body.path("resourceName").asText());
    assertThat(body.path("currencyLocale").asText()).matches("[a-z]{2}-[A-Z]{2}");
    assertThat(body.has("currencyCode")).isFalse();
    assertThat(body.has("usdTotalCost")).isFalse();
    assertThat(body.path("billingStartDate").asText()).isEqualTo("2026-10-01T00:00:00+00:00");
    assertThat(body.path("billingEndDate").asText()).isEqualTo("2026-11-01T00:00:00+00:00");
    assertThat(body.path("lastModifiedDate").asText()).matches(".*:\\d\\d\\.\\d{2,7}\\+00:00");
    assertThat(OffsetDateTime.parse(body.path("lastModifiedDate").asText()))
        .isAfter(OffsetDateTime.parse("2026-10-01T00:00:00Z"));
    assertThat(body.path("links").path("self").path("uri").asText())
        .isEqualTo("/customers/" + customer + "/subscriptions/" + subscription + "/usagesummary");
    assertThat(body.path("attributes").path("objectType").asText())
        .isEqualTo("SubscriptionUsageSummary");
  }

  @Test
  void lastModifiedDateHasTwoToSevenFractionDigitsDependingOnThePair() {
    Set<Integer> digits = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      String customer = "5e1ec7ed-0000-4000-8000-" + String.format("%012d", i);
      sandbox.scenarios().records(customer, "any-subscription", 31);
      String modified =
          json(http.get(summary(customer, "any-subscription"))).path("lastModifiedDate").asText();
      assertThat(modified).matches("2026-1\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+\\+00:00");
      digits.add(modified.length() - modified.indexOf('.') - 1 - "+00:00".length());
    }

    assertThat(digits).containsExactly(2, 3, 4, 5, 6, 7);
  }

  @Test
  void azurePlanTotalMatchesTheHiddenRecordsOfTheSamePair() {
    String customer = sandbox.customerIds().get(1);
    String subscription = sandbox.subscriptionIds(customer).get(0);
    BigDecimal legacyTotal =
        json(http.get(summary(customer, subscription))).path("totalCost").decimalValue();
    try (Sandbox planned = sandbox.newSandbox()) {
      planned.scenarios().azurePlan(customer, subscription);
      JsonNode body = json(new SandboxHttp(planned).get(summary(customer, subscription)));

      assertThat(body.path("totalCost").decimalValue()).isEqualTo(legacyTotal);
      assertThat(body.path("usdTotalCost").decimalValue())
          .isEqualTo(PriceTable.roundMoney(legacyTotal.multiply(PriceTable.EUR_TO_USD)));
    }
  }

  @Test
  void recordsOverrideChangesTheSummaryToo() {
    String customer = "11111111-2222-4333-8444-555555555555";
    String subscription = "66666666-7777-4888-8999-000000000000";
    sandbox.scenarios().records(customer, subscription, 0);

    assertThat(json(http.get(summary(customer, subscription))).path("totalCost").decimalValue())
        .isEqualByComparingTo(BigDecimal.ZERO);
  }
}
