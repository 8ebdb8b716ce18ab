package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.status;
import static io.github.pcusage.testing.MockPartnerCenter.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The headers every request carries, and which ids stay the same across retries and pages. */
class TrackingHeadersTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private List<RecordedRequest> listThreePages(PartnerCenterClient.Builder builder)
      throws InterruptedException {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(pageWithToken("token-2", "b")));
    pc.enqueue(json(lastPage("c")));
    try (PartnerCenterClient client = builder.build()) {
      assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a", "b", "c");
    }
    return pc.takeAll();
  }

  private static List<String> header(List<RecordedRequest> requests, String name) {
    return requests.stream().map(r -> r.getHeader(name)).collect(Collectors.toList());
  }

  @Test
  void sendsTheStandardHeadersOnEveryPageRequest() throws InterruptedException {
    List<RecordedRequest> requests = listThreePages(pc.client());

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
        listThreePages(pc.client().locale("fr-FR").userAgentSuffix("contoso-billing/2.1"));

    assertThat(header(requests, "X-Locale")).containsOnly("fr-FR");
    assertThat(header(requests, "User-Agent"))
        .containsOnly(
            "partner-center-usage-java/" + PartnerCenterClient.VERSION + " contoso-billing/2.1");
  }

  @Test
  void givesEachPageRequestItsOwnRequestId() throws InterruptedException {
    List<String> requestIds = header(listThreePages(pc.client()), "MS-RequestId");

    assertThat(requestIds).doesNotHaveDuplicates().hasSize(3);
    requestIds.forEach(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
  }

  @Test
  void keepsTheRequestIdOnEveryRetryOfAPage() throws InterruptedException {
    pc.enqueue(status(500));
    pc.enqueue(status(429).setHeader("Retry-After", "1"));
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(status(503));
    pc.enqueue(json(lastPage("b")));
    try (PartnerCenterClient client = pc.client().build()) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    List<String> requestIds = header(pc.takeAll(), "MS-RequestId");

    assertThat(requestIds).hasSize(5);
    assertThat(requestIds.subList(0, 3)).containsOnly(requestIds.get(0));
    assertThat(requestIds.subList(3, 5)).containsOnly(requestIds.get(3));
    assertThat(requestIds.get(3)).isNotEqualTo(requestIds.get(0));
  }

  @Test
  void sharesOneCorrelationIdAcrossThePagesOfAListing() throws InterruptedException {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(pageWithToken("token-2", "b")));
    pc.enqueue(json(lastPage("c")));
    List<Page<AzureUtilizationRecord>> pages = new ArrayList<>();
    try (PartnerCenterClient client = pc.client().build()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().forEach(pages::add);
    }

    List<String> correlationIds = header(pc.takeAll(), "MS-CorrelationId");

    assertThat(correlationIds).hasSize(3).containsOnly(correlationIds.get(0));
    assertThat(pages).extracting(Page::correlationId).containsOnly(correlationIds.get(0));
  }

  @Test
  void givesEachListingItsOwnCorrelationId() throws InterruptedException {
    pc.enqueue(json(lastPage("a")));
    pc.enqueue(json(lastPage("a")));
    try (PartnerCenterClient client = pc.client().build()) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    List<String> correlationIds = header(pc.takeAll(), "MS-CorrelationId");

    assertThat(correlationIds).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void usesTheConfiguredCorrelationId() throws InterruptedException {
    List<RecordedRequest> requests =
        listThreePages(pc.client().correlationId("contoso-nightly-export"));

    assertThat(header(requests, "MS-CorrelationId")).containsOnly("contoso-nightly-export");
  }
}
