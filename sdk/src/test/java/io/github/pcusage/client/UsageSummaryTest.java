package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.TOKEN;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.status;
import static io.github.pcusage.client.Fixtures.take;
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.DataNotReadyException;
import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.SubscriptionUsageSummary;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private MockWebServer server;
  private PartnerCenterClient client;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
    client = Fixtures.client(server, sleeper, new MutableClock(NOW)).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  @Test
  void returnsTheSummaryObjectWithExactMoney() {
    server.enqueue(json(SUMMARY));

    SubscriptionUsageSummary summary = client.usageSummary(CUSTOMER, SUBSCRIPTION);

    assertThat(summary.getResourceId()).isEqualTo("5d2c-legacy");
    assertThat(summary.getTotalCost().toPlainString()).isEqualTo("120.56829999999959047160");
    assertThat(summary.getUsdTotalCost().toPlainString()).isEqualTo("131.40000000000000012345");
    assertThat(summary.getCurrencyCode()).isEqualTo("EUR");
    assertThat(summary.getBillingStartDate())
        .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00+00:00"));
  }

  @Test
  void unwrapsAOneItemCollection() {
    server.enqueue(
        json(
            "{\"totalCount\": 1, \"items\": ["
                + SUMMARY
                + "], \"attributes\": {\"objectType\": \"Collection\"}}"));

    SubscriptionUsageSummary summary = client.usageSummary(CUSTOMER, SUBSCRIPTION);

    assertThat(summary.getResourceName()).isEqualTo("Azure plan");
    assertThat(summary.getTotalCost().toPlainString()).isEqualTo("120.56829999999959047160");
  }

  @Test
  void sendsTheUsualHeaders() throws InterruptedException {
    server.enqueue(json(SUMMARY));

    client.usageSummary(CUSTOMER, SUBSCRIPTION);

    RecordedRequest request = take(server);
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
    server.enqueue(
        status(404).setBody("{\"code\": 20002, \"description\": \"Customer not found.\"}"));
    server.enqueue(json(SUMMARY));

    NotFoundException e =
        thrown(NotFoundException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.errorCode()).isEqualTo("20002");
    assertThat(e.description()).isEqualTo("Customer not found.");
    assertThat(e.requestId()).isEqualTo(take(server).getHeader("MS-RequestId"));
    assertThat(e.getMessage()).contains("usage summary").contains("Azure plan");
  }

  @Test
  void retriesAServerErrorWithTheSameRequestId() throws InterruptedException {
    server.enqueue(status(503));
    server.enqueue(json(SUMMARY));

    client.usageSummary(CUSTOMER, SUBSCRIPTION);

    assertThat(take(server).getHeader("MS-RequestId"))
        .isEqualTo(take(server).getHeader("MS-RequestId"));
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void mapsNoContentToDataNotReadyAtOnceUnderNoWait() throws IOException {
    server.enqueue(status(204).setHeader("Retry-After", "30"));
    server.enqueue(json(SUMMARY));

    try (PartnerCenterClient noWait =
        Fixtures.client(server, sleeper, new MutableClock(NOW))
            .dataNotReadyPolicy(DataNotReadyPolicy.noWait())
            .build()) {
      DataNotReadyException e =
          thrown(DataNotReadyException.class, () -> noWait.usageSummary(CUSTOMER, SUBSCRIPTION));

      assertThat(e.statusCode()).isEqualTo(204);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
      assertThat(e.continuation()).isEmpty();
      assertThat(e.getMessage()).contains("usage summary").contains("after 1 attempt");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void waitsOnNoContentUnderTheDataNotReadyPolicyThenReturnsTheSummary()
      throws InterruptedException {
    server.enqueue(status(204).setHeader("Retry-After", "45"));
    server.enqueue(status(204));
    server.enqueue(json(SUMMARY));

    SubscriptionUsageSummary summary = client.usageSummary(CUSTOMER, SUBSCRIPTION);

    assertThat(summary.getResourceName()).isEqualTo("Azure plan");
    // The Retry-After, then the policy's default delay when the service gives none.
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(45), Duration.ofSeconds(30));
    String requestId = take(server).getHeader("MS-RequestId");
    assertThat(take(server).getHeader("MS-RequestId")).isEqualTo(requestId);
    assertThat(take(server).getHeader("MS-RequestId")).isEqualTo(requestId);
  }

  @Test
  void givesUpOnNoContentWhenTheDataNotReadyPolicyAllowsNoMoreWaits() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(204).setHeader("Retry-After", "10"));
    }
    server.enqueue(json(SUMMARY));

    DataNotReadyException e =
        thrown(DataNotReadyException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));

    // DataNotReadyPolicy.defaults(): 3 waits, so 4 attempts.
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.delays)
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
    assertThat(e.getMessage()).contains("after 4 attempts");
  }

  @Test
  void retriesAServiceUnavailableAfterItsRetryAfterOrTheBackoff() {
    server.enqueue(status(503).setHeader("Retry-After", "7"));
    server.enqueue(
        status(503).setBody("{\"description\": \"The service is temporarily unavailable.\"}"));
    server.enqueue(json(SUMMARY));

    SubscriptionUsageSummary summary = client.usageSummary(CUSTOMER, SUBSCRIPTION);

    assertThat(summary.getResourceId()).isEqualTo("5d2c-legacy");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
  }
}
