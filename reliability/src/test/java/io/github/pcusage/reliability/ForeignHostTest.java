package io.github.pcusage.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bearer token never reaches another host: not through a next link pointing elsewhere (another
 * port on the same address counts as another host), and not through a redirect, even when the
 * application's own OkHttp client follows redirects.
 */
class ForeignHostTest {
  private static final String TOKEN = "foreign-host-canary-token";
  private MockWebServer api;
  private MockWebServer foreign;

  @BeforeEach
  void start() throws IOException {
    api = new MockWebServer();
    api.start(InetAddress.getByName("127.0.0.1"), 0);
    foreign = new MockWebServer();
    foreign.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    api.shutdown();
    foreign.shutdown();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:FOREIGN/v1/customers/c/subscriptions/s/utilizations/azure?seek_operation=Next",
        "//127.0.0.1:FOREIGN/v1/customers/c/subscriptions/s/utilizations/azure?seek_operation=Next",
        "http://localhost:FOREIGN/v1/customers/c/subscriptions/s/utilizations/azure",
        "http://127.0.0.1:API@127.0.0.1:FOREIGN/v1/customers/c/subscriptions/s/utilizations/azure",
        "http://127.0.0.1:FOREIGN\\@127.0.0.1:API/v1/customers/c",
        "HTTP://127.0.0.1:FOREIGN/v1/customers/c",
        "https://127.0.0.1:API/v1/customers/c/subscriptions/s/utilizations/azure",
        "http://localhost:API/v1/customers/c/subscriptions/s/utilizations/azure",
        " http://127.0.0.1:FOREIGN/v1/customers/c",
        "/\\127.0.0.1:FOREIGN/v1/customers/c",
        "http:\\\\127.0.0.1:FOREIGN/v1/customers/c",
        "customers/../../../x",
        "customers/%2e%2e/%2e%2e/%2e%2e/x",
      })
  void aNextLinkToAnotherHostIsRefusedAndTheTokenNeverSentThere(String link) throws Exception {
    String next =
        link.replace("FOREIGN", Integer.toString(foreign.getPort()))
            .replace("API", Integer.toString(api.getPort()));
    api.enqueue(page(next));
    api.enqueue(page(null));
    try (PartnerCenterClient client = client(new OkHttpClient())) {
      Throwable thrown =
          catchThrowable(
              () -> client.utilizations("c", "s", Listings.query(10)).byPage().forEach(p -> {}));
      // Either refused outright, or (for a link that stays on the API host) followed there.
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(PagingException.class);
        assertThat(((PartnerCenterException) thrown).continuation()).isPresent();
        assertThat(thrown.getMessage()).doesNotContain(TOKEN);
      }
    }
    assertThat(foreign.getRequestCount()).as("requests that reached the foreign host").isZero();
    for (int i = 0; i < api.getRequestCount(); i++) {
      RecordedRequest request = api.takeRequest(1, TimeUnit.SECONDS);
      // A link that stays on the API host may be followed there, but only under /v1/.
      assertThat(request.getRequestUrl().encodedPath()).startsWith("/v1/");
      assertThat(request.getRequestUrl().port()).isEqualTo(api.getPort());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsNotFollowedSoNoTokenCrossesHosts(int status) throws Exception {
    String location =
        "http://127.0.0.1:"
            + foreign.getPort()
            + "/v1/customers/c/subscriptions/s/utilizations/azure";
    api.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", location));
    api.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", location));
    foreign.enqueue(page(null));
    // The application's OkHttp client follows redirects; the SDK's derived client must not.
    OkHttpClient following =
        new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
    try (PartnerCenterClient client = client(following)) {
      Throwable listing =
          catchThrowable(() -> client.utilizations("c", "s", Listings.query(10)).forEach(r -> {}));
      Throwable summary = catchThrowable(() -> client.usageSummary("c", "s"));
      assertThat(listing).isInstanceOf(PartnerCenterException.class);
      assertThat(((PartnerCenterException) listing).statusCode()).isEqualTo(status);
      assertThat(summary).isInstanceOf(PartnerCenterException.class);
    }
    assertThat(foreign.getRequestCount()).as("requests that reached the redirect target").isZero();
    assertThat(api.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  private PartnerCenterClient client(OkHttpClient base) {
    return PartnerCenterClient.builder()
        .baseUrl(api.url("/").toString())
        .tokenProvider(TokenProvider.of(TOKEN))
        .okHttpClient(base)
        .retryPolicy(RetryPolicy.none())
        .prefetch(false)
        .build();
  }

  private static MockResponse page(String nextUri) {
    String next =
        nextUri == null
            ? ""
            : ",\"next\":{\"uri\":\""
                + nextUri.replace("\\", "\\\\")
                + "\",\"method\":\"GET\",\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\"tok-1\"}]}";
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"totalCount\":0,\"items\":[],\"links\":{\"self\":{\"uri\":\"customers/c\",\"method\":\"GET\","
                + "\"headers\":[]}"
                + next
                + "}}");
  }
}
