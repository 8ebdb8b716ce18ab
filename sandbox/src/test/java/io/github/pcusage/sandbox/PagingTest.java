package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PagingTest {
  static final String ALL = "start_time=2026-09-01T00:00:00Z&end_time=2026-12-01T00:00:00Z";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(42).recordsPerSubscription(2500).build();

  static SandboxHttp http;
  static String customer;
  static String subscription;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  @Test
  void walksEveryPageAndGetsEveryRecordExactlyOnce() {
    List<JsonNode> pages = http.walk(utilization(customer, subscription, ALL));

    assertThat(pages).hasSize(3);
    List<JsonNode> records = items(pages);
    assertThat(records).hasSize(2500);
    Set<String> withInstance = new HashSet<>();
    for (JsonNode record : records) {
      if (record.has("instanceData")) {
        assertThat(withInstance.add(SandboxHttp.identity(record)))
            .as("duplicate %s", record)
            .isTrue();
      }
    }
    // The same listing in pages of 7 is the same sequence of records: nothing lost or repeated.
    List<JsonNode> small = items(http.walk(utilization(customer, subscription, ALL + "&size=7")));
    assertThat(small).isEqualTo(records);
  }

  @Test
  void totalCountIsTheNumberOfItemsOfThePage() {
    for (JsonNode page : http.walk(utilization(customer, subscription, ALL + "&size=999"))) {
      assertThat(page.path("totalCount").asInt()).isEqualTo(page.path("items").size());
    }
  }

  @Test
  void lastPageHasNoNextLinkAndOthersHaveOne() {
    List<JsonNode> pages = http.walk(utilization(customer, subscription, ALL + "&size=1000"));

    assertThat(pages.get(0).path("links").has("next")).isTrue();
    assertThat(pages.get(1).path("links").has("next")).isTrue();
    JsonNode last = pages.get(2);
    assertThat(last.path("links").has("next")).isFalse();
    assertThat(last.path("links").has("self")).isTrue();
    assertThat(last.path("totalCount").asInt()).isEqualTo(500);
  }

  @Test
  void nextLinkIsRelativeWithSeekOperationAndNoTimeRange() {
    JsonNode page = json(http.get(utilization(customer, subscription, ALL + "&size=10")));
    JsonNode next = page.path("links").path("next");

    assertThat(next.path("uri").asText())
        .isEqualTo(
            "customers/"
                + customer
                + "/subscriptions/"
                + subscription
                + "/utilizations/azure?seek_operation=Next");
    assertThat(next.path("method").asText()).isEqualTo("GET");
    assertThat(next.path("headers")).hasSize(1);
    assertThat(next.path("headers").get(0).path("key").asText()).isEqualTo("MS-ContinuationToken");
    assertThat(page.path("attributes").path("objectType").asText()).isEqualTo("Collection");
    assertThat(page.path("items").get(0).path("attributes").path("objectType").asText())
        .isEqualTo("AzureUtilizationRecord");
  }

  @Test
  void everyContinuationTokenHoldsPlusEncodedColonAndEncodedEquals() {
    List<JsonNode> pages = http.walk(utilization(customer, subscription, ALL + "&size=97"));

    assertThat(pages).hasSize(26);
    for (JsonNode page : pages.subList(0, pages.size() - 1)) {
      String token = page.path("links").path("next").path("headers").get(0).path("value").asText();
      assertThat(token).startsWith("/opaque/usage-records?").contains("+", "%3a", "%3d");
    }
  }

  @Test
  void followUpPagesKeepTheFirstRequestsOptions() {
    List<JsonNode> pages =
        http.walk(
            utilization(
                customer, subscription, ALL + "&size=300&granularity=Hourly&show_details=false"));

    for (JsonNode record : items(pages)) {
      assertThat(record.has("instanceData")).isFalse();
    }
    assertThat(pages.get(1).path("items")).hasSize(300);
  }

  @Test
  void emptyListingIsOkWithNoItems() {
    HttpResponse<byte[]> response =
        http.get(
            utilization(
                customer,
                subscription,
                "start_time=2025-01-01T00:00:00Z&end_time=2025-02-01T00:00:00Z"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode page = json(response);
    assertThat(page.path("items").isArray()).isTrue();
    assertThat(page.path("items")).isEmpty();
    assertThat(page.path("totalCount").asInt()).isZero();
    assertThat(page.path("links").has("next")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(NextLinkStyle.class)
  void nextLinkTakesTheConfiguredForm(NextLinkStyle style) {
    try (Sandbox styled =
        Sandbox.builder().seed(42).recordsPerSubscription(50).nextLinkStyle(style).start()) {
      SandboxHttp client = new SandboxHttp(styled);
      String first = styled.customerIds().get(0);
      String sub = styled.subscriptionIds(first).get(0);
      String uri =
          json(client.get(utilization(first, sub, ALL + "&size=20")))
              .path("links")
              .path("next")
              .path("uri")
              .asText();
      String relative =
          "customers/"
              + first
              + "/subscriptions/"
              + sub
              + "/utilizations/azure?seek_operation=Next";
      switch (style) {
        case RELATIVE:
          assertThat(uri).isEqualTo(relative);
          break;
        case LEADING_SLASH:
          assertThat(uri).isEqualTo("/" + relative);
          break;
        default:
          assertThat(uri).isEqualTo("/v1/" + relative);
      }
      assertThat(items(client.walk(utilization(first, sub, ALL + "&size=20")))).hasSize(50);
    }
  }

  @Test
  void tokenResumesOnAnotherSandboxWithTheSameSeed() {
    JsonNode first = json(http.get(utilization(customer, subscription, ALL + "&size=1000")));
    try (Sandbox restarted = sandbox.newSandbox()) {
      HttpResponse<byte[]> second = new SandboxHttp(restarted).next(first);

      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.body()).isEqualTo(http.next(first).body());
    }
  }
}
