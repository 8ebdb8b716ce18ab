package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.FIRST_PAGE_PATH;
import static io.github.pcusage.client.TestData.NEXT_PATH;
import static io.github.pcusage.client.TestData.NEXT_URI;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.next;
import static io.github.pcusage.client.TestData.page;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Page;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Following {@code links.next}: every form of link, its headers byte for byte, and where it stops.
 */
class NextLinkTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private List<String> listAll() {
    try (PartnerCenterClient client = pc.client().build()) {
      return ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }
  }

  /**
   * Replaces {@code {origin}} by the server's {@code http://127.0.0.1:port}, {@code {port}} by its
   * port and {@code {foreign}} by the origin of {@code foreign}.
   */
  private String expand(String template, MockWebServer foreign) {
    return template
        .replace("{origin}", origin(pc.server()))
        .replace("{port}", String.valueOf(pc.server().getPort()))
        .replace("{foreign}", origin(foreign));
  }

  private static String origin(MockWebServer server) {
    return server.url("/").toString().replaceAll("/$", "");
  }

  /**
   * Serves a first page whose next link is {@code uri}, then a last page; returns page 2's request.
   */
  private RecordedRequest followNextLink(String uri) throws InterruptedException {
    pc.enqueue(json(page(next(uri, "MS-ContinuationToken", "token-1"), "a", "b")));
    pc.enqueue(json(lastPage("c")));

    assertThat(listAll()).containsExactly("a", "b", "c");
    pc.takeRequest();
    return pc.takeRequest();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        NEXT_URI, // as the service writes it
        "/" + NEXT_URI, // with a leading slash
        "/v1/" + NEXT_URI, // repeating /v1/, which must not be doubled
        "{origin}/v1/" + NEXT_URI // absolute, to the same host
      })
  void followsEveryFormOfNextLinkWithItsContinuationHeader(String form)
      throws InterruptedException {
    RecordedRequest second = followNextLink(expand(form, pc.server()));

    assertThat(second.getPath()).isEqualTo(NEXT_PATH).doesNotContain("/v1/v1");
    assertThat(second.getHeader("MS-ContinuationToken")).isEqualTo("token-1");
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void sendsTheQueryOnTheFirstPageOnly() throws InterruptedException {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(lastPage("b")));

    listAll();

    HttpUrl first = pc.takeRequest().getRequestUrl();
    assertThat(first.encodedPath()).isEqualTo(FIRST_PAGE_PATH);
    assertThat(first.queryParameter("start_time")).isEqualTo("2026-10-01T00:00:00Z");
    assertThat(first.queryParameter("end_time")).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(first.queryParameter("granularity")).isEqualTo("daily");
    assertThat(first.queryParameter("show_details")).isEqualTo("true");
    assertThat(first.queryParameter("size")).isEqualTo("1000");
    assertThat(first.queryParameter("seek_operation")).isNull();
    HttpUrl second = pc.takeRequest().getRequestUrl();
    assertThat(second.queryParameterNames()).containsExactly("seek_operation");
  }

  @Test
  void keepsSeekOperationFromTheNextLink() throws InterruptedException {
    RecordedRequest second = followNextLink(NEXT_URI);

    assertThat(second.getRequestUrl().queryParameter("seek_operation")).isEqualTo("Next");
    assertThat(second.getRequestUrl().queryParameter("start_time")).isNull();
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({
    // another server on the same address
    "{foreign}/v1/" + NEXT_URI + ", {foreign}",
    // the same host and port with another scheme
    "https://127.0.0.1:{port}/v1/" + NEXT_URI + ", https://127.0.0.1:{port}",
    // scheme-relative
    "//evil.example/v1/" + NEXT_URI + ", https://evil.example:443"
  })
  void refusesNextLinkToAnotherHostBeforeAnyRequestToIt(String link, String named)
      throws IOException {
    try (MockWebServer foreign = new MockWebServer()) {
      foreign.start(InetAddress.getByName("127.0.0.1"), 0);
      pc.enqueue(json(page(next(expand(link, foreign), "MS-ContinuationToken", "t"), "a")));
      foreign.enqueue(json(lastPage("stolen")));

      PagingException e = thrown(PagingException.class, this::listAll);

      assertThat(e.getMessage()).contains("another host").contains(expand(named, foreign));
      assertThat(e.continuation()).isPresent();
      assertThat(foreign.getRequestCount()).isZero();
      assertThat(pc.server().getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void sendsContinuationTokenByteForByte() throws InterruptedException {
    String token = "/opaque/usage-records?a=b+c&continuation_token=eyJrIjoiMSJ9%3a+x%3d%3d";

    pc.enqueue(json(pageWithToken(token, "a")));
    pc.enqueue(json(lastPage("b")));
    listAll();

    pc.takeRequest();
    assertThat(pc.takeRequest().getHeader("MS-ContinuationToken")).isEqualTo(token);
  }

  @Test
  void sendsEveryHeaderOfTheNextLink() throws InterruptedException {
    pc.enqueue(
        json(page(next(NEXT_URI, "MS-ContinuationToken", "t+1%3d", "MS-PageHint", "p%3a2"), "a")));
    pc.enqueue(json(lastPage("b")));

    listAll();

    pc.takeRequest();
    RecordedRequest second = pc.takeRequest();
    assertThat(second.getHeader("MS-ContinuationToken")).isEqualTo("t+1%3d");
    assertThat(second.getHeader("MS-PageHint")).isEqualTo("p%3a2");
  }

  @Test
  void emptyListingReturnsNoRecordsAfterOneRequest() {
    pc.enqueue(json(lastPage()));

    assertThat(listAll()).isEmpty();
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "next: {0}")
  @NullSource // no next member
  @ValueSource(strings = "null")
  void stopsAtALastPage(String nextJson) {
    pc.enqueue(json(page(nextJson, "a", "b")));
    pc.enqueue(json(lastPage("never")));

    assertThat(listAll()).containsExactly("a", "b");
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void pagesCarryTheirItemsContinuationAndServerIds() {
    pc.enqueue(json(pageWithToken("token-1", "a", "b")).setHeader("MS-ServerId", "server-7"));
    pc.enqueue(json(lastPage("c")).setHeader("MS-RequestId", "echoed-request-id"));

    List<Page<AzureUtilizationRecord>> pages = new ArrayList<>();
    try (PartnerCenterClient client = pc.client().build()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().forEach(pages::add);
    }

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
