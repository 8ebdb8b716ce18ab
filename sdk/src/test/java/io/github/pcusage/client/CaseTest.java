package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.next;
import static io.github.pcusage.client.TestData.page;
import static io.github.pcusage.client.TestData.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Continuation;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.Granularity;
import io.github.pcusage.model.HttpMethod;
import io.github.pcusage.model.SubscriptionUsageSummary;
import io.github.pcusage.testing.MockPartnerCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service matches ids in any case (documented requests use upper-case GUIDs) and parameter
 * values such as {@code Daily}: the client sends ids as given and accepts values in any case.
 */
class CaseTest {
  private static final String CUSTOMER = "4A1B2C3D-5E6F-4A7B-8C9D-0E1F2A3B4C5D";
  private static final String SUBSCRIPTION = "72B9A1F4-0C1E-4C6D-A7C3-9C5A2B1D3E4F";

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static String nextUri(String customer, String subscription) {
    return "customers/"
        + customer
        + "/subscriptions/"
        + subscription
        + "/utilizations/azure?seek_operation=Next";
  }

  @Test
  void sendsUpperCaseIdsAsGivenOnEveryPageAndTheSummary() throws InterruptedException {
    pc.server()
        .enqueue(
            json(page(next(nextUri(CUSTOMER, SUBSCRIPTION), "MS-ContinuationToken", "t1"), "a")));
    pc.server().enqueue(json(lastPage("b")));
    pc.server().enqueue(json("{\"resourceId\":\"" + SUBSCRIPTION + "\"}"));

    try (PartnerCenterClient client = pc.client().build()) {
      assertThat(TestData.ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a", "b");
      assertThat(client.usageSummary(CUSTOMER, SUBSCRIPTION).getResourceId())
          .isEqualTo(SUBSCRIPTION);
    }
    String ids = "/v1/customers/" + CUSTOMER + "/subscriptions/" + SUBSCRIPTION;
    assertThat(pc.takeRequest().getPath()).startsWith(ids + "/utilizations/azure?");
    assertThat(pc.takeRequest().getPath())
        .isEqualTo(ids + "/utilizations/azure?seek_operation=Next");
    assertThat(pc.takeRequest().getPath()).isEqualTo(ids + "/usagesummary");
  }

  @Test
  void resumesAContinuationOfUpperCaseIdsInAListingOfLowerCaseIds() throws InterruptedException {
    pc.server()
        .enqueue(
            json(page(next(nextUri(CUSTOMER, SUBSCRIPTION), "MS-ContinuationToken", "t1"), "a")));
    pc.server().enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = pc.client().prefetch(false).build()) {
      Page<AzureUtilizationRecord> first =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator().next();
      Continuation saved = first.continuation().orElseThrow();

      List<String> resumed = new ArrayList<>();
      client
          .utilizations(
              CUSTOMER.toLowerCase(Locale.ROOT), SUBSCRIPTION.toLowerCase(Locale.ROOT), query())
          .byPage(saved)
          .forEach(page -> page.items().forEach(r -> resumed.add(r.getResource().getId())));

      assertThat(resumed).containsExactly("b");
    }
    pc.takeRequest();
    RecordedRequest next = pc.takeRequest();
    assertThat(next.getHeader("MS-ContinuationToken")).isEqualTo("t1");
  }

  @Test
  void acceptsParameterValuesInAnyCase() throws InterruptedException {
    assertThat(Granularity.fromValue("Daily")).isEqualTo(Granularity.DAILY);
    assertThat(Granularity.fromValue("HOURLY")).isEqualTo(Granularity.HOURLY);
    pc.server().enqueue(json(lastPage("a")));

    try (PartnerCenterClient client = pc.client().build()) {
      UtilizationQuery query =
          UtilizationQuery.builder()
              .startTime(query().startTime())
              .endTime(query().endTime())
              .granularity(Granularity.fromValue("Hourly"))
              .build();
      assertThat(TestData.ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query)))
          .containsExactly("a");
    }
    assertThat(pc.takeRequest().getRequestUrl().queryParameter("granularity")).isEqualTo("hourly");
  }

  @Test
  void decodesEnumValuesInAnyCase() {
    pc.server()
        .enqueue(
            json(
                "{\"resourceId\":\"S\",\"links\":{\"self\":{\"uri\":\"customers/C/subscriptions/S/"
                    + "usagesummary\",\"method\":\"get\",\"headers\":[]},"
                    + "\"next\":{\"uri\":\"x\",\"method\":\"Post\"}}}"));

    try (PartnerCenterClient client = pc.client().build()) {
      SubscriptionUsageSummary summary = client.usageSummary(CUSTOMER, SUBSCRIPTION);

      assertThat(summary.getLinks().getSelf().getMethod()).isEqualTo(HttpMethod.GET);
      assertThat(summary.getLinks().getNext().getMethod()).isEqualTo(HttpMethod.POST);
    }
  }
}
