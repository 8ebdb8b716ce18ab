package io.github.pcusage.contract;

import static io.github.pcusage.contract.Contracts.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK expects of the usage summary endpoint. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = Contracts.PROVIDER,
    pactVersion = PactSpecVersion.V4,
    hostInterface = "127.0.0.1")
class UsageSummaryConsumerPactTest {
  private static final BigDecimal LEGACY_TOTAL = new BigDecimal("3.14159265358979323846");
  private static final BigDecimal PLAN_TOTAL = new BigDecimal("120.56829999999959047160");
  private static final BigDecimal PLAN_USD = new BigDecimal("131.40000000000000012345");

  private static V4Pact summary(
      PactDslWithProvider builder, String state, String description, int status, DslPart body) {
    PactDslResponse response =
        Contracts.trackingHeaders(
                builder
                    .given(state)
                    .uponReceiving(description)
                    .method("GET")
                    .path(Contracts.SUMMARY_PATH))
            .willRespondWith()
            .status(status)
            .matchHeader("Content-Type", "application/json.*", "application/json; charset=utf-8");
    return Contracts.trackingHeaders(response).body(body).toPact(V4Pact.class);
  }

  private static SubscriptionUsageSummary fetch(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      return client.usageSummary(Contracts.CUSTOMER, Contracts.SUBSCRIPTION);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact legacySummary(PactDslWithProvider builder) {
    return summary(
        builder,
        Contracts.LEGACY_SUMMARY,
        "the usage summary of a legacy subscription",
        200,
        LambdaDsl.newJsonBody(
                s -> {
                  s.stringType("resourceId", Contracts.SUBSCRIPTION);
                  s.stringType("resourceName", "Pay-As-You-Go");
                  s.stringMatcher(
                      "billingStartDate", Contracts.DATE_TIME, "2026-10-05T00:00:00-07:00");
                  s.stringMatcher(
                      "billingEndDate", Contracts.DATE_TIME, "2026-11-05T00:00:00-07:00");
                  s.decimalType("totalCost", LEGACY_TOTAL);
                  s.stringMatcher("currencyLocale", "[a-z]{2}-[A-Z]{2}", "fr-FR");
                  s.object(
                      "attributes", a -> a.stringValue("objectType", "SubscriptionUsageSummary"));
                })
            .build());
  }

  @Test
  @PactTestFor(pactMethod = "legacySummary")
  void legacySummaryHasCurrencyLocaleAndExactTotal(MockServer server) {
    SubscriptionUsageSummary summary = fetch(server);
    assertThat(summary.getTotalCost().toPlainString()).isEqualTo("3.14159265358979323846");
    assertThat(summary.getCurrencyLocale()).isEqualTo("fr-FR");
    assertThat(summary.getUsdTotalCost()).isNull();
  }

  @Pact(consumer = CONSUMER)
  V4Pact azurePlanSummary(PactDslWithProvider builder) {
    return summary(
        builder,
        Contracts.AZURE_PLAN_SUMMARY,
        "the usage summary of an Azure plan subscription",
        200,
        LambdaDsl.newJsonBody(
                s -> {
                  s.stringType("resourceId", Contracts.SUBSCRIPTION);
                  s.stringType("resourceName", "Azure plan");
                  s.stringMatcher(
                      "billingStartDate", Contracts.DATE_TIME, "2026-10-01T00:00:00+00:00");
                  s.stringMatcher(
                      "billingEndDate", Contracts.DATE_TIME, "2026-11-01T00:00:00+00:00");
                  s.decimalType("totalCost", PLAN_TOTAL);
                  s.stringMatcher("currencyCode", "[A-Z]{3}", "EUR");
                  s.decimalType("usdTotalCost", PLAN_USD);
                  s.object(
                      "attributes", a -> a.stringValue("objectType", "SubscriptionUsageSummary"));
                })
            .build());
  }

  @Test
  @PactTestFor(pactMethod = "azurePlanSummary")
  void azurePlanSummaryHasCurrencyCodeAndUsdTotal(MockServer server) {
    SubscriptionUsageSummary summary = fetch(server);
    assertThat(summary.getTotalCost()).isEqualByComparingTo(PLAN_TOTAL);
    assertThat(summary.getUsdTotalCost()).isEqualByComparingTo(PLAN_USD);
    assertThat(summary.getCurrencyCode()).isEqualTo("EUR");
  }

  @Pact(consumer = CONSUMER)
  V4Pact summaryNotFound(PactDslWithProvider builder) {
    return summary(
        builder,
        Contracts.NOT_FOUND,
        "the usage summary of a subscription that does not exist",
        404,
        Contracts.error(20003, "Subscription not found."));
  }

  @Test
  @PactTestFor(pactMethod = "summaryNotFound")
  void missingSubscriptionIsNotFound(MockServer server) {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> fetch(server));
    assertThat(e).isNotNull();
    assertThat(e.errorCode()).isEqualTo("20003");
  }
}
