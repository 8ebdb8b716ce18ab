package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.ErrorsTest.assertPartnerCenterError;
import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.summary;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the sandbox accepts as the service does: ids and parameter values in any case; unknown query
 * parameters ignored, or refused when the sandbox is strict.
 */
class RequestLeniencyTest {
  static final String OCTOBER =
      "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&size=100";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().recordsPerSubscription(250).build();

  @RegisterExtension
  static final SandboxExtension strict =
      SandboxExtension.builder().recordsPerSubscription(20).rejectUnknownParameters(true).build();

  static SandboxHttp http;
  static String customer;
  static String subscription;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  private static String upper(String id) {
    return id.toUpperCase(Locale.ROOT);
  }

  @Test
  void customerAndSubscriptionIdsMatchInAnyCaseOnEveryPage() {
    List<JsonNode> lower = items(http.walk(utilization(customer, subscription, OCTOBER)));
    List<JsonNode> upper =
        items(http.walk(utilization(upper(customer), upper(subscription), OCTOBER)));

    assertThat(lower).hasSizeGreaterThan(100);
    assertThat(upper).isEqualTo(lower);
  }

  @Test
  void aContinuationTokenWorksWithTheIdsInAnotherCase() {
    JsonNode first = json(http.get(utilization(customer, subscription, OCTOBER)));
    String token = first.path("links").path("next").path("headers").get(0).path("value").asText();

    HttpResponse<byte[]> next =
        http.get(
            utilization(upper(customer), upper(subscription), "seek_operation=Next"),
            "MS-ContinuationToken",
            token);

    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(json(next).path("items")).hasSize(100);
  }

  @Test
  void usageSummaryMatchesIdsInAnyCase() {
    JsonNode lower = json(http.get(summary(customer, subscription)));
    JsonNode upper = json(http.get(summary(upper(customer), upper(subscription))));

    assertThat(upper.path("totalCost")).isEqualTo(lower.path("totalCost"));
  }

  @Test
  void scenarioIdsAndProviderStatesMatchInAnyCase() {
    sandbox.scenarios().records("Mixed-Case-Customer", "Mixed-Case-Subscription", 3);

    assertThat(http.get(utilization("SCENARIO-NOT-FOUND", subscription, OCTOBER)).statusCode())
        .isEqualTo(404);
    assertThat(
            items(
                http.walk(utilization("mixed-case-customer", "MIXED-CASE-SUBSCRIPTION", OCTOBER))))
        .hasSize(3);
  }

  @Test
  void parameterValuesAreReadInAnyCase() {
    List<JsonNode> plain = items(http.walk(utilization(customer, subscription, OCTOBER)));

    assertThat(
            items(
                http.walk(
                    utilization(
                        customer, subscription, OCTOBER + "&granularity=Daily&show_details=True"))))
        .isEqualTo(plain);
    assertThat(
            json(http.get(
                    utilization(
                        customer,
                        subscription,
                        OCTOBER + "&Granularity=HOURLY&SHOW_DETAILS=False")))
                .path("items")
                .get(0)
                .has("instanceData"))
        .isFalse();
  }

  @Test
  void unknownQueryParametersAreIgnoredByDefault() {
    List<JsonNode> plain = items(http.walk(utilization(customer, subscription, OCTOBER)));

    assertThat(
            items(
                http.walk(
                    utilization(customer, subscription, OCTOBER + "&api-version=v1&colour=red"))))
        .isEqualTo(plain);
    assertThat(http.get(summary(customer, subscription) + "?colour=red").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aStrictSandboxRefusesUnknownQueryParametersWith800002() {
    SandboxHttp client = new SandboxHttp(strict);
    String c = strict.customerIds().get(0);
    String s = strict.subscriptionIds(c).get(0);

    HttpResponse<byte[]> refused = client.get(utilization(c, s, OCTOBER + "&colour=red"));
    assertPartnerCenterError(refused, 400, 800002);
    assertThat(json(refused).path("description").asText()).contains("'colour'");
    assertPartnerCenterError(client.get(summary(c, s) + "?size=10"), 400, 800002);
    assertThat(
            client
                .get(utilization(c, s, OCTOBER + "&Granularity=Daily&SHOW_DETAILS=True"))
                .statusCode())
        .isEqualTo(200);
    assertThat(client.walk(utilization(c, s, OCTOBER.replace("size=100", "size=5"))))
        .hasSizeGreaterThan(1);
    assertThat(client.get(summary(c, s)).statusCode()).isEqualTo(200);
  }
}
