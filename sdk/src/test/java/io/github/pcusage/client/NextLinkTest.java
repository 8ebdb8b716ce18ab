package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.FIRST_PAGE_PATH;
import static io.github.pcusage.client.Fixtures.NEXT_PATH;
import static io.github.pcusage.client.Fixtures.NEXT_URI;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.next;
import static io.github.pcusage.client.Fixtures.page;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.take;
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Page;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Following {@code links.next}: every form of link, its headers byte for byte, and where it stops.
 */
class NextLinkTest {
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

  private List<String> listAll() {
    return ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
  }

  /**
   * Serves a first page whose next link is {@code uri}, then a last page; returns page 2's request.
   */
  private RecordedRequest followNextLink(String uri) throws InterruptedException {
    server.enqueue(json(page(next(uri, "MS-ContinuationToken", "token-1"), "a", "b")));
    server.enqueue(json(lastPage("c")));

    assertThat(listAll()).containsExactly("a", "b", "c");
    take(server);
    return take(server);
  }

  @Test
  void followsNextLinkWithContinuationHeader() throws InterruptedException {
    RecordedRequest second = followNextLink(NEXT_URI);

    assertThat(second.getPath()).isEqualTo(NEXT_PATH);
    assertThat(second.getHeader("MS-ContinuationToken")).isEqualTo("token-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void sendsTheQueryOnTheFirstPageOnly() throws InterruptedException {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(lastPage("b")));

    listAll();

    HttpUrl first = take(server).getRequestUrl();
    assertThat(first.encodedPath()).isEqualTo(FIRST_PAGE_PATH);
    assertThat(first.queryParameter("start_time")).isEqualTo("2026-10-01T00:00:00Z");
    assertThat(first.queryParameter("end_time")).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(first.queryParameter("granularity")).isEqualTo("daily");
    assertThat(first.queryParameter("show_details")).isEqualTo("true");
    assertThat(first.queryParameter("size")).isEqualTo("1000");
    assertThat(first.queryParameter("seek_operation")).isNull();
    HttpUrl second = take(server).getRequestUrl();
    assertThat(second.queryParameterNames()).containsExactly("seek_operation");
  }

  @Test
  void followsNextLinkWithLeadingSlash() throws InterruptedException {
    RecordedRequest second = followNextLink("/" + NEXT_URI);

    assertThat(second.getPath()).isEqualTo(NEXT_PATH);
  }

  @Test
  void followsNextLinkThatRepeatsV1WithoutDoublingIt() throws InterruptedException {
    RecordedRequest second = followNextLink("/v1/" + NEXT_URI);

    assertThat(second.getPath()).isEqualTo(NEXT_PATH).doesNotContain("/v1/v1");
  }

  @Test
  void followsAbsoluteNextLinkToTheSameHost() throws InterruptedException {
    RecordedRequest second = followNextLink(server.url("/v1/" + NEXT_URI).toString());

    assertThat(second.getPath()).isEqualTo(NEXT_PATH);
    assertThat(second.getHeader("MS-ContinuationToken")).isEqualTo("token-1");
  }

  @Test
  void keepsSeekOperationFromTheNextLink() throws InterruptedException {
    RecordedRequest second = followNextLink(NEXT_URI);

    assertThat(second.getRequestUrl().queryParameter("seek_operation")).isEqualTo("Next");
    assertThat(second.getRequestUrl().queryParameter("start_time")).isNull();
  }

  @Test
  void refusesNextLinkToAnotherHostBeforeAnyRequestToIt() throws IOException {
    try (MockWebServer foreign = Fixtures.startServer()) {
      server.enqueue(
          json(
              page(
                  next(foreign.url("/v1/" + NEXT_URI).toString(), "MS-ContinuationToken", "t"),
                  "a")));
      foreign.enqueue(json(lastPage("stolen")));

      PagingException e = thrown(PagingException.class, this::listAll);

      assertThat(e.getMessage())
          .contains("another host")
          .contains(String.valueOf(foreign.getPort()));
      assertThat(e.continuation()).isPresent();
      assertThat(foreign.getRequestCount()).isZero();
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void refusesNextLinkToTheSameHostWithAnotherScheme() {
    String https = "https://127.0.0.1:" + server.getPort() + "/v1/" + NEXT_URI;
    server.enqueue(json(page(next(https, "MS-ContinuationToken", "t"), "a")));

    PagingException e = thrown(PagingException.class, this::listAll);

    assertThat(e.getMessage()).contains("another host");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusesSchemeRelativeNextLink() {
    server.enqueue(
        json(page(next("//evil.example/v1/" + NEXT_URI, "MS-ContinuationToken", "t"), "a")));

    PagingException e = thrown(PagingException.class, this::listAll);

    assertThat(e.getMessage()).contains("another host");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void sendsContinuationTokenByteForByte() throws InterruptedException {
    String token = "/opaque/usage-records?a=b+c&continuation_token=eyJrIjoiMSJ9%3a+x%3d%3d";

    server.enqueue(json(pageWithToken(token, "a")));
    server.enqueue(json(lastPage("b")));
    listAll();

    take(server);
    assertThat(take(server).getHeader("MS-ContinuationToken")).isEqualTo(token);
  }

  @Test
  void sendsEveryHeaderOfTheNextLink() throws InterruptedException {
    server.enqueue(
        json(page(next(NEXT_URI, "MS-ContinuationToken", "t+1%3d", "MS-PageHint", "p%3a2"), "a")));
    server.enqueue(json(lastPage("b")));

    listAll();

    take(server);
    RecordedRequest second = take(server);
    assertThat(second.getHeader("MS-ContinuationToken")).isEqualTo("t+1%3d");
    assertThat(second.getHeader("MS-PageHint")).isEqualTo("p%3a2");
  }

  @Test
  void emptyListingReturnsNoRecordsAfterOneRequest() {
    server.enqueue(json(lastPage()));

    assertThat(listAll()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stopsAtALastPageWithoutNext() {
    server.enqueue(json(lastPage("a", "b")));
    server.enqueue(json(lastPage("never")));

    assertThat(listAll()).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void stopsAtALastPageWithNullNext() {
    server.enqueue(json(page("null", "a")));
    server.enqueue(json(lastPage("never")));

    assertThat(listAll()).containsExactly("a");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pagesCarryTheirItemsContinuationAndServerIds() {
    server.enqueue(json(pageWithToken("token-1", "a", "b")).setHeader("MS-ServerId", "server-7"));
    server.enqueue(json(lastPage("c")).setHeader("MS-RequestId", "echoed-request-id"));

    List<Page<AzureUtilizationRecord>> pages = new ArrayList<>();
    client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().forEach(pages::add);

    assertThat(pages).hasSize(2);
    assertThat(ids(pages.get(0).items())).containsExactly("a", "b");
    assertThat(pages.get(0).continuation()).isPresent();
    assertThat(pages.get(0).continuation().get().isFirstPage()).isFalse();
    assertThat(pages.get(0).serverId()).isEqualTo("server-7");
    assertThat(pages.get(0).requestId()).isNotBlank();
    assertThat(ids(pages.get(1).items())).containsExactly("c");
    assertThat(pages.get(1).continuation()).isEmpty();
    assertThat(pages.get(1).requestId()).isEqualTo("echoed-request-id");
    assertThat(pages.get(1).serverId()).isNull();
  }
}
