package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The listing loops the end-to-end benchmark compares: the SDK's stream, a plain OkHttp + Jackson
 * loop, and a bytes-only OkHttp loop. Each walks every page of a {@link Fixtures.Listing},
 * following {@code links.next} with its {@code MS-ContinuationToken} header, and returns the
 * records seen.
 */
final class PlainLoops {
  private static final String CONTINUATION_HEADER = "MS-ContinuationToken";

  private PlainLoops() {}

  /** Every record through {@code client.utilizations(...).stream()}. */
  static long sdkStream(
      PartnerCenterClient client, Fixtures.Listing listing, Consumer<Object> sink) {
    Iterator<AzureUtilizationRecord> records =
        client.utilizations(listing.customer, listing.subscription, Fixtures.query()).stream()
            .iterator();
    long count = 0;
    while (records.hasNext()) {
      sink.accept(records.next());
      count++;
    }
    return count;
  }

  /** (e) What a hand-written client does: OkHttp, Jackson databind from the body's stream. */
  static long okHttpJackson(
      OkHttpClient http, ObjectReader reader, Fixtures.Listing listing, Consumer<Object> sink)
      throws IOException {
    String url = listing.firstPageUrl();
    String token = null;
    long count = 0;
    while (url != null) {
      try (Response response = http.newCall(request(url, token)).execute()) {
        check(response);
        JacksonModels.Collection page = reader.readValue(response.body().byteStream());
        for (JacksonModels.Record record : page.items) {
          sink.accept(record);
          count++;
        }
        JacksonModels.Link next = page.links == null ? null : page.links.next;
        url = null;
        token = null;
        if (next != null) {
          url = listing.sandbox.baseUrl() + "/v1/" + next.uri;
          for (JacksonModels.Header header : next.headers) {
            if (header.key.equalsIgnoreCase(CONTINUATION_HEADER)) {
              token = header.value;
            }
          }
        }
      }
    }
    return count;
  }

  /**
   * (f) The floor: the same requests, each body read into a {@code byte[]} and nothing decoded but
   * {@code totalCount} and the next link, found by scanning the head and the tail of the bytes.
   */
  static long okHttpBytes(OkHttpClient http, Fixtures.Listing listing, Consumer<Object> sink)
      throws IOException {
    String url = listing.firstPageUrl();
    String token = null;
    long count = 0;
    while (url != null) {
      try (Response response = http.newCall(request(url, token)).execute()) {
        check(response);
        byte[] body = response.body().bytes();
        sink.accept(body);
        count += totalCount(body);
        String tail =
            new String(
                body,
                Math.max(0, body.length - 4096),
                Math.min(4096, body.length),
                StandardCharsets.ISO_8859_1);
        String uri = between(tail, "\"next\":{\"uri\":\"", "\"");
        url = uri == null ? null : listing.sandbox.baseUrl() + "/v1/" + uri;
        token =
            uri == null
                ? null
                : between(tail, "\"key\":\"" + CONTINUATION_HEADER + "\",\"value\":\"", "\"");
      }
    }
    return count;
  }

  private static Request request(String url, String token) {
    Request.Builder request =
        new Request.Builder().url(url).header("Authorization", "Bearer " + Fixtures.TOKEN);
    if (token != null) {
      request.header(CONTINUATION_HEADER, token);
    }
    return request.build();
  }

  private static void check(Response response) {
    if (response.code() != 200) {
      throw new IllegalStateException(
          "HTTP " + response.code() + " from " + response.request().url());
    }
  }

  private static int totalCount(byte[] body) {
    String head = new String(body, 0, Math.min(64, body.length), StandardCharsets.ISO_8859_1);
    String digits = between(head, "\"totalCount\":", ",");
    return digits == null ? 0 : Integer.parseInt(digits.trim());
  }

  private static String between(String text, String before, String after) {
    int start = text.lastIndexOf(before);
    if (start < 0) {
      return null;
    }
    start += before.length();
    int end = text.indexOf(after, start);
    return end < 0 ? null : text.substring(start, end);
  }
}
