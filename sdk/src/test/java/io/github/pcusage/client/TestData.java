package io.github.pcusage.client;

import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert;

/**
 * What the client tests send and expect, shaped like the real service: ids, a query, records, pages
 * and their next links, responses; and two helpers to read results. The server, sleeper and clock
 * come from {@link io.github.pcusage.testing.MockPartnerCenter}.
 */
final class TestData {
  static final String CUSTOMER = "contoso-customer";
  static final String SUBSCRIPTION = "legacy-subscription-1";
  static final OffsetDateTime START = OffsetDateTime.parse("2026-10-01T00:00:00Z");
  static final OffsetDateTime END = OffsetDateTime.parse("2026-11-01T00:00:00Z");
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

  private TestData() {}

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
    String items = Arrays.stream(ids).map(TestData::record).collect(Collectors.joining(","));
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

  /** Runs {@code call}, asserts it throws a {@code type}, and returns what it threw. */
  static <T extends Throwable> T thrown(Class<T> type, ThrowableAssert.ThrowingCallable call) {
    return Assertions.assertThatExceptionOfType(type).isThrownBy(call).actual();
  }
}
