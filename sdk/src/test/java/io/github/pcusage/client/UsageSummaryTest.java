package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.status;
import static io.github.pcusage.client.TestData.thrown;
import static io.github.pcusage.testing.MockPartnerCenter.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.DataNotReadyException;
import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.SubscriptionUsageSummary;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The usage summary: one object (or a one-item collection), typed errors, the usual headers. */
class UsageSummaryTest {
  private static final String PATH =
      "/v1/customers/" + CUSTOMER + "/subscriptions/" + SUBSCRIPTION + "/usagesummary";
  private static final String SUMMARY =
      "{\"resourceId\": \"5d2c-legacy\", \"resourceName\": \"Azure plan\","
          + " \"billingStartDate\": \"2026-10-01T00:00:00+00:00\", \"billingEndDate\": \"2026-11-01T00:00:00+00:00\","
          + " \"totalCost\": 120.56829999999959047160, \"currencyCode\": \"EUR\","
          + " \"usdTotalCost\": 131.40000000000000012345,"
          + " \"lastModifiedDate\": \"2026-10-17T17:08:11.1433333+00:00\","
          + " \"links\": {\"self\": {\"uri\": \"/customers/C/subscriptions/S/usagesummary\", \"method\": \"GET\", \"headers\": []}},"
          + " \"attributes\": {\"objectType\": \"SubscriptionUsageSummary\"}}";

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private SubscriptionUsageSummary usageSummary() {
    try (PartnerCenterClient client = pc.client().build()) {
      return client.usageSummary(CUSTOMER, SUBSCRIPTION);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void returnsTheSummaryWithExactMoney(String why, String body) {
    pc.enqueue(json(body));

    SubscriptionUsageSummary summary = usageSummary();

    assertThat(summary.getResourceId()).isEqualTo("5d2c-legacy");
    assertThat(summary.getResourceName()).isEqualTo("Azure plan");
    assertThat(summary.getTotalCost().toPlainString()).isEqualTo("120.56829999999959047160");
    assertThat(summary.getUsdTotalCost().toPlainString()).isEqualTo("131.40000000000000012345");
    assertThat(summary.getCurrencyCode()).isEqualTo("EUR");
    assertThat(summary.getBillingStartDate())
        .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00+00:00"));
  }

  /** The summary as an object, and wrapped in a one-item collection. */
  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("the object", SUMMARY),
        Arguments.of(
            "a one-item collection",
            "{\"totalCount\": 1, \"items\": ["
                + SUMMARY
                + "], \"attributes\": {\"objectType\": \"Collection\"}}"));
  }

  @Test
  void sendsTheUsualHeaders() throws InterruptedException {
    pc.enqueue(json(SUMMARY));

    usageSummary();

    RecordedRequest request = pc.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo(PATH);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("MS-Contract-Version")).isEqualTo("v1");
    assertThat(request.getHeader("X-Locale")).isEqualTo("en-US");
    assertThat(request.getHeader("User-Agent")).startsWith("partner-center-usage-java/");
    assertThat(UUID.fromString(request.getHeader("MS-RequestId"))).isNotNull();
    assertThat(request.getHeader("MS-CorrelationId")).isNotBlank();
  }

  @Test
  void mapsNotFoundWithoutRetrying() throws InterruptedException {
    pc.enqueue(status(404).setBody("{\"code\": 20002, \"description\": \"Customer not found.\"}"));
    pc.enqueue(json(SUMMARY));

    NotFoundException e = thrown(NotFoundException.class, this::usageSummary);

    assertThat(pc.server().getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo("20002");
    assertThat(e.description()).isEqualTo("Customer not found.");
    assertThat(e.requestId()).isEqualTo(pc.takeRequest().getHeader("MS-RequestId"));
    assertThat(e.getMessage()).contains("usage summary").contains("Azure plan");
  }

  @Test
  void retriesAServerErrorWithTheSameRequestId() throws InterruptedException {
    pc.enqueue(status(503));
    pc.enqueue(json(SUMMARY));

    usageSummary();

    assertThat(pc.takeRequest().getHeader("MS-RequestId"))
        .isEqualTo(pc.takeRequest().getHeader("MS-RequestId"));
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void mapsNoContentToDataNotReadyAtOnceUnderNoWait() {
    pc.enqueue(status(204).setHeader("Retry-After", "30"));
    pc.enqueue(json(SUMMARY));

    try (PartnerCenterClient noWait =
        pc.client().dataNotReadyPolicy(DataNotReadyPolicy.noWait()).build()) {
      DataNotReadyException e =
          thrown(DataNotReadyException.class, () -> noWait.usageSummary(CUSTOMER, SUBSCRIPTION));

      assertThat(e.statusCode()).isEqualTo(204);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
      assertThat(e.continuation()).isEmpty();
      assertThat(e.getMessage()).contains("usage summary").contains("after 1 attempt");
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
    assertThat(pc.sleeper().delays()).isEmpty();
  }

  @Test
  void waitsOnNoContentUnderTheDataNotReadyPolicyThenReturnsTheSummary()
      throws InterruptedException {
    pc.enqueue(status(204).setHeader("Retry-After", "45"));
    pc.enqueue(status(204));
    pc.enqueue(json(SUMMARY));

    SubscriptionUsageSummary summary = usageSummary();

    assertThat(summary.getResourceName()).isEqualTo("Azure plan");
    // The Retry-After, then the policy's default delay when the service gives none.
    assertThat(pc.sleeper().delays())
        .containsExactly(Duration.ofSeconds(45), Duration.ofSeconds(30));
    String requestId = pc.takeRequest().getHeader("MS-RequestId");
    assertThat(pc.takeRequest().getHeader("MS-RequestId")).isEqualTo(requestId);
    assertThat(pc.takeRequest().getHeader("MS-RequestId")).isEqualTo(requestId);
  }

  @Test
  void givesUpOnNoContentWhenTheDataNotReadyPolicyAllowsNoMoreWaits() {
    for (int i = 0; i < 4; i++) {
      pc.enqueue(status(204).setHeader("Retry-After", "10"));
    }
    pc.enqueue(json(SUMMARY));

    DataNotReadyException e = thrown(DataNotReadyException.class, this::usageSummary);

    // DataNotReadyPolicy.defaults(): 3 waits, so 4 attempts.
    assertThat(pc.server().getRequestCount()).isEqualTo(4);
    assertThat(pc.sleeper().delays())
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
    assertThat(e.getMessage()).contains("after 4 attempts");
  }

  @Test
  void retriesAServiceUnavailableAfterItsRetryAfterOrTheBackoff() {
    pc.enqueue(status(503).setHeader("Retry-After", "7"));
    pc.enqueue(
        status(503).setBody("{\"description\": \"The service is temporarily unavailable.\"}"));
    pc.enqueue(json(SUMMARY));

    SubscriptionUsageSummary summary = usageSummary();

    assertThat(summary.getResourceId()).isEqualTo("5d2c-legacy");
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
  }
}
