package io.github.pcusage.contract;

import static io.github.pcusage.contract.Contracts.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.Granularity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK expects of the utilization endpoint when it returns records. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = Contracts.PROVIDER,
    pactVersion = PactSpecVersion.V4,
    hostInterface = "127.0.0.1")
class UtilizationConsumerPactTest {

  private static PactDslRequestWithPath firstPage(
      PactDslWithProvider builder,
      String state,
      String description,
      String granularity,
      String details,
      int size) {
    return Contracts.trackingHeaders(
        builder
            .given(state)
            .uponReceiving(description)
            .method("GET")
            .path(Contracts.UTILIZATION_PATH)
            .matchQuery("start_time", Contracts.DATE_TIME, Contracts.START)
            .matchQuery("end_time", Contracts.DATE_TIME, Contracts.END)
            .matchQuery("granularity", "(?i)" + granularity, granularity)
            .matchQuery("show_details", details, details)
            .matchQuery("size", Contracts.SIZE, Integer.toString(size)));
  }

  /** A 200 with JSON and the echoed tracking headers. */
  private static PactDslResponse ok(PactDslRequestWithPath request) {
    return Contracts.trackingHeaders(
        request
            .willRespondWith()
            .status(200)
            .matchHeader("Content-Type", "application/json.*", "application/json; charset=utf-8"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact twoPagesOfDailyUsage(PactDslWithProvider builder) {
    PactDslWithState afterFirst =
        ok(firstPage(
                builder,
                Contracts.TWO_PAGES,
                "the first page of daily usage",
                "daily",
                "true",
                Contracts.PAGE_SIZE))
            .body(Contracts.page(Contracts.DAILY, true))
            .given(Contracts.TWO_PAGES);
    return ok(Contracts.trackingHeaders(
            afterFirst
                .uponReceiving("the last page of daily usage, after a continuation token")
                .method("GET")
                .path(Contracts.UTILIZATION_PATH)
                .query("seek_operation=Next")
                .headerFromProviderState(
                    "MS-ContinuationToken", "${continuationToken}", Contracts.EXAMPLE_TOKEN)))
        .body(Contracts.page(Contracts.DAILY, false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "twoPagesOfDailyUsage")
  void followsTheNextLinkWithItsContinuationTokenToTheLastPage(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      List<Page<AzureUtilizationRecord>> pages = new ArrayList<>();
      client
          .utilizations(
              Contracts.CUSTOMER,
              Contracts.SUBSCRIPTION,
              ContractClients.query(Granularity.DAILY, true))
          .byPage()
          .forEach(pages::add);

      assertThat(pages).hasSize(2);
      assertThat(pages.get(0).continuation()).isPresent();
      assertThat(pages.get(1).continuation()).isEmpty();
      AzureUtilizationRecord record = pages.get(0).items().get(0);
      assertThat(record.getQuantity()).isEqualByComparingTo(Contracts.EXAMPLE_QUANTITY);
      assertThat(record.getQuantity().toPlainString()).isEqualTo("0.027483999999999993");
      assertThat(record.getUsageEndTime().getNano()).isEqualTo(123_456_700);
      assertThat(record.getUsageEndTime().getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
      assertThat(record.getInstanceData().getLocation()).isEqualTo("westeurope");
      assertThat(pages.stream().mapToInt(p -> p.items().size()).sum())
          .isEqualTo(2 * Contracts.PAGE_SIZE);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact hourlyUsage(PactDslWithProvider builder) {
    return ok(firstPage(
            builder,
            Contracts.ONE_PAGE_HOURLY,
            "a page of hourly usage",
            "hourly",
            "true",
            Contracts.HOURLY_PAGE_SIZE))
        .body(Contracts.page(Contracts.HOURLY, false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "hourlyUsage")
  void asksForHourlyGranularity(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      List<AzureUtilizationRecord> records = new ArrayList<>();
      client
          .utilizations(
              Contracts.CUSTOMER,
              Contracts.SUBSCRIPTION,
              ContractClients.query(Granularity.HOURLY, true, Contracts.HOURLY_PAGE_SIZE))
          .forEach(records::add);
      assertThat(records).hasSize(Contracts.PAGE_SIZE);
      AzureUtilizationRecord record = records.get(0);
      assertThat(Duration.between(record.getUsageStartTime(), record.getUsageEndTime()))
          .isEqualTo(Duration.ofHours(1));
      assertThat(record.getQuantity().toPlainString()).isEqualTo("0.001145166666666666");
      assertThat(record.getResource().getCategory()).isEqualTo("Storage");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact usageAggregatedPerResource(PactDslWithProvider builder) {
    return ok(firstPage(
            builder,
            Contracts.ONE_PAGE_AGGREGATED,
            "a page of usage aggregated per resource",
            "daily",
            "false",
            Contracts.PAGE_SIZE))
        .body(Contracts.page(Contracts.PER_RESOURCE, false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "usageAggregatedPerResource")
  void asksForRecordsAggregatedPerResource(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      List<AzureUtilizationRecord> records = new ArrayList<>();
      client
          .utilizations(
              Contracts.CUSTOMER,
              Contracts.SUBSCRIPTION,
              ContractClients.query(Granularity.DAILY, false))
          .forEach(records::add);
      assertThat(records).hasSize(Contracts.PAGE_SIZE);
      AzureUtilizationRecord record = records.get(0);
      assertThat(record.getInstanceData()).isNull();
      assertThat(record.getQuantity().toPlainString()).isEqualTo("48.000000000000000001");
      assertThat(record.getResource().getCategory()).isEqualTo("Virtual Machines");
    }
  }
}
