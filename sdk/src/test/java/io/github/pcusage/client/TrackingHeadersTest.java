package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.TOKEN;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.status;
import static io.github.pcusage.client.Fixtures.takeAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The headers every request carries, and which ids stay the same across retries and pages. */
class TrackingHeadersTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private PartnerCenterClient.Builder builder() {
    return Fixtures.client(server, sleeper, new MutableClock(NOW));
  }

  private List<RecordedRequest> listThreePages(PartnerCenterClient.Builder builder)
      throws InterruptedException {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(pageWithToken("token-2", "b")));
    server.enqueue(json(lastPage("c")));
    try (PartnerCenterClient client = builder.build()) {
      assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a", "b", "c");
    }
    return takeAll(server);
  }

  private static List<String> header(List<RecordedRequest> requests, String name) {
    return requests.stream().map(r -> r.getHeader(name)).collect(Collectors.toList());
  }

  @Test
  void sendsTheStandardHeadersOnEveryPageRequest() throws InterruptedException {
    List<RecordedRequest> requests = listThreePages(builder());

    assertThat(requests).hasSize(3);
    assertThat(header(requests, "Authorization")).containsOnly("Bearer " + TOKEN);
    assertThat(header(requests, "Accept")).containsOnly("application/json");
    assertThat(header(requests, "MS-Contract-Version")).containsOnly("v1");
    assertThat(header(requests, "X-Locale")).containsOnly("en-US");
    assertThat(header(requests, "User-Agent"))
        .containsOnly("partner-center-usage-java/" + PartnerCenterClient.VERSION);
  }

  @Test
  void userAgentCarriesARealVersion() {
    assertThat(PartnerCenterClient.VERSION).isNotBlank().doesNotContain("${").doesNotContain(" ");
  }

  @Test
  void sendsTheConfiguredLocaleAndUserAgentSuffix() throws InterruptedException {
    List<RecordedRequest> requests =
        listThreePages(builder().locale("fr-FR").userAgentSuffix("contoso-billing/2.1"));

    assertThat(header(requests, "X-Locale")).containsOnly("fr-FR");
    assertThat(header(requests, "User-Agent"))
        .containsOnly(
            "partner-center-usage-java/" + PartnerCenterClient.VERSION + " contoso-billing/2.1");
  }

  @Test
  void givesEachPageRequestItsOwnRequestId() throws InterruptedException {
    List<String> requestIds = header(listThreePages(builder()), "MS-RequestId");

    assertThat(requestIds).doesNotHaveDuplicates().hasSize(3);
    requestIds.forEach(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
  }

  @Test
  void keepsTheRequestIdOnEveryRetryOfAPage() throws InterruptedException {
    server.enqueue(status(500));
    server.enqueue(status(429).setHeader("Retry-After", "1"));
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(status(503));
    server.enqueue(json(lastPage("b")));
    try (PartnerCenterClient client = builder().build()) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    List<String> requestIds = header(takeAll(server), "MS-RequestId");

    assertThat(requestIds).hasSize(5);
    assertThat(requestIds.subList(0, 3)).containsOnly(requestIds.get(0));
    assertThat(requestIds.subList(3, 5)).containsOnly(requestIds.get(3));
    assertThat(requestIds.get(3)).isNotEqualTo(requestIds.get(0));
  }

  @Test
  void sharesOneCorrelationIdAcrossThePagesOfAListing() throws InterruptedException {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(pageWithToken("token-2", "b")));
    server.enqueue(json(lastPage("c")));
    List<Page<AzureUtilizationRecord>> pages = new ArrayList<>();
    try (PartnerCenterClient client = builder().build()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().forEach(pages::add);
    }

    List<String> correlationIds = header(takeAll(server), "MS-CorrelationId");

    assertThat(correlationIds).hasSize(3).containsOnly(correlationIds.get(0));
    assertThat(pages).extracting(Page::correlationId).containsOnly(correlationIds.get(0));
  }

  @Test
  void givesEachListingItsOwnCorrelationId() throws InterruptedException {
    server.enqueue(json(lastPage("a")));
    server.enqueue(json(lastPage("a")));
    try (PartnerCenterClient client = builder().build()) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    List<String> correlationIds = header(takeAll(server), "MS-CorrelationId");

    assertThat(correlationIds).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void usesTheConfiguredCorrelationId() throws InterruptedException {
    List<RecordedRequest> requests =
        listThreePages(builder().correlationId("contoso-nightly-export"));

    assertThat(header(requests, "MS-CorrelationId")).containsOnly("contoso-nightly-export");
  }
}
