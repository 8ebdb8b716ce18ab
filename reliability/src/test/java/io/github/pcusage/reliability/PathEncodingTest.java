package io.github.pcusage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An id can never change the request path: it is refused before anything is sent, or it travels
 * path-encoded as exactly one segment under {@code /v1/customers/}.
 */
class PathEncodingTest {
  private MockWebServer server;
  private PartnerCenterClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client =
        PartnerCenterClient.builder()
            .baseUrl(server.url("/").toString())
            .tokenProvider(TokenProvider.of("t"))
            .retryPolicy(RetryPolicy.none())
            .prefetch(false)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../admin",
        "..",
        ".",
        "../",
        "..\\admin",
        "%2e%2e",
        "%2e%2e%2fadmin",
        "a/../../admin",
        "..;/admin",
        "．．",
        "．．／admin",
        "admin?x=1",
        "admin#x",
        "a b",
        "a\tb",
        "a\u0000b",
        "\ud800",
        "@evil.com",
        "a:b",
        "a;b",
        "~admin",
        "ü",
        "😀",
        "C:\\Windows",
      })
  void anIdCannotChangeTheRequestPath(String id) throws Exception {
    for (String operation : List.of("utilizations", "usagesummary")) {
      server.enqueue(
          new MockResponse()
              .setHeader("Content-Type", "application/json")
              .setBody(
                  operation.equals("utilizations") ? "{\"items\":[]}" : "{\"resourceId\":\"r\"}"));
      int before = server.getRequestCount();
      try {
        if (operation.equals("utilizations")) {
          client.utilizations(id, "sub-1", Listings.query(10)).forEach(r -> {});
        } else {
          client.usageSummary(id, "sub-1");
        }
      } catch (IllegalArgumentException refused) {
        assertThat(refused).hasMessageStartingWith("customerId");
        assertThat(server.getRequestCount()).as("requests sent for a refused id").isEqualTo(before);
        server.takeRequest(0, TimeUnit.MILLISECONDS);
        server.shutdown();
        start();
        continue;
      }
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      HttpUrl url = request.getRequestUrl();
      List<String> expected =
          operation.equals("utilizations")
              ? List.of("v1", "customers", id, "subscriptions", "sub-1", "utilizations", "azure")
              : List.of("v1", "customers", id, "subscriptions", "sub-1", "usagesummary");
      assertThat(url.pathSegments()).as("the path %s", url.encodedPath()).isEqualTo(expected);
      assertThat(url.encodedPath())
          .startsWith("/v1/customers/")
          .doesNotContain("/../")
          .doesNotContain("/./");
    }
  }
}
