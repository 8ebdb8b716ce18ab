package io.github.pcusage.client;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.Sleeper;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert;

/**
 * What the client tests share: a Partner Center on MockWebServer, pages and records shaped like the
 * real ones, a sleeper that records instead of sleeping, and a clock the test moves.
 */
final class Fixtures {
  static {
    // Before any io.github.pcusage logger exists: the SDK logs every attempt at debug level.
    if (System.getProperty("org.slf4j.simpleLogger.log.io.github.pcusage") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.github.pcusage", "debug");
    }
  }

  static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fixed-bearer-token";
  static final String CUSTOMER = "contoso-customer";
  static final String SUBSCRIPTION = "legacy-subscription-1";
  static final OffsetDateTime START = OffsetDateTime.parse("2026-10-01T00:00:00Z");
  static final OffsetDateTime END = OffsetDateTime.parse("2026-11-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");
  static final String FIRST_PAGE_PATH =
      "/v1/customers/" + CUSTOMER + "/subscriptions/" + SUBSCRIPTION + "/utilizations/azure";

  /** A next link as the service writes it: relative to /v1/, no leading slash. */
  static final String NEXT_URI =
      "customers/"
          + CUSTOMER
          + "/subscriptions/"
          + SUBSCRIPTION
          + "/utilizations/azure?seek_operation=Next";

  static final String NEXT_PATH = "/v1/" + NEXT_URI;

  private Fixtures() {}

  /** Starts a server on the IPv4 loopback address. */
  static MockWebServer startServer() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  /** Retries with exact delays (no jitter): 4 attempts, 1 s, 2 s, 4 s. */
  static RetryPolicy exactRetries() {
    return RetryPolicy.builder().jitter(0).build();
  }

  /** A client of {@code server} with a fixed token, exact retries, the sleeper and the clock. */
  static PartnerCenterClient.Builder client(MockWebServer server, Sleeper sleeper, Clock clock) {
    return PartnerCenterClient.builder()
        .baseUrl(server.url("/").toString())
        .tokenProvider(TokenProvider.of(TOKEN))
        .retryPolicy(exactRetries())
        .sleeper(sleeper)
        .clock(clock);
  }

  static UtilizationQuery query() {
    return UtilizationQuery.builder().startTime(START).endTime(END).build();
  }

  /** A record whose resource id is {@code id}, with {@code quantity} as raw JSON. */
  static String record(String id, String quantity) {
    return "{\"usageStartTime\":\"2026-10-01T00:00:00-07:00\",\"usageEndTime\":\"2026-10-02T00:00:00-07:00\","
        + "\"resource\":{\"id\":\""
        + id
        + "\",\"name\":\"Standard IO - Block Blob\",\"category\":\"Storage\"},"
        + "\"quantity\":"
        + quantity
        + ",\"unit\":\"1 GB/Month\",\"infoFields\":{},"
        + "\"attributes\":{\"objectType\":\"AzureUtilizationRecord\"}}";
  }

  static String record(String id) {
    return record(id, "1.5");
  }

  /** A page holding records {@code ids} and, unless {@code nextJson} is null, that next link. */
  static String page(String nextJson, String... ids) {
    String items = Arrays.stream(ids).map(Fixtures::record).collect(Collectors.joining(","));
    return pageOfRecords(nextJson, items, ids.length);
  }

  static String pageOfRecords(String nextJson, String itemsJson, int count) {
    String self = "{\"uri\":\"" + NEXT_URI + "\",\"method\":\"GET\",\"headers\":[]}";
    return "{\"totalCount\":"
        + count
        + ",\"items\":["
        + itemsJson
        + "],"
        + "\"links\":{\"self\":"
        + self
        + (nextJson == null ? "" : ",\"next\":" + nextJson)
        + "},"
        + "\"attributes\":{\"objectType\":\"Collection\"}}";
  }

  /** The last page: no next link. */
  static String lastPage(String... ids) {
    return page(null, ids);
  }

  /** A page whose next link is {@link #NEXT_URI} with {@code MS-ContinuationToken: token}. */
  static String pageWithToken(String token, String... ids) {
    return page(next(NEXT_URI, "MS-ContinuationToken", token), ids);
  }

  /** A next link with {@code uri} and header pairs {@code key1, value1, key2, value2...}. */
  static String next(String uri, String... headerPairs) {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.add(
          "{\"key\":\""
              + escape(headerPairs[i])
              + "\",\"value\":\""
              + escape(headerPairs[i + 1])
              + "\"}");
    }
    return "{\"uri\":\""
        + escape(uri)
        + "\",\"method\":\"GET\",\"headers\":["
        + String.join(",", headers)
        + "]}";
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static MockResponse json(String body) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code);
  }

  static List<String> ids(Iterable<AzureUtilizationRecord> records) {
    List<String> ids = new ArrayList<>();
    for (AzureUtilizationRecord record : records) {
      ids.add(record.getResource().getId());
    }
    return ids;
  }

  /** Takes the next request the server received, failing rather than blocking forever. */
  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server received no further request");
    }
    return request;
  }

  /** Takes every request received and not yet taken (call it once the listing has finished). */
  static List<RecordedRequest> takeAll(MockWebServer server) throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  /** Runs {@code call}, asserts it throws a {@code type}, and returns what it threw. */
  static <T extends Throwable> T thrown(Class<T> type, ThrowableAssert.ThrowingCallable call) {
    return Assertions.assertThatExceptionOfType(type).isThrownBy(call).actual();
  }
}
