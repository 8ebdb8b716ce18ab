package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageOfRecords;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.record;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.InvalidResponseException;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.SubscriptionUsageSummary;
import io.github.pcusage.testing.MockPartnerCenter;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A UTF-8 byte order mark ({@code EF BB BF}) before the JSON: one is skipped on every body the
 * client reads (pages, the usage summary, error bodies), and never reaches the raw items.
 */
class ByteOrderMarkTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String SUMMARY =
      "{\"resourceId\":\"S\",\"resourceName\":\"Pay-As-You-Go\",\"totalCost\":3.1415926535897932384,"
          + "\"currencyLocale\":\"fr-FR\",\"attributes\":{\"objectType\":\"SubscriptionUsageSummary\"}}";

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static Buffer withMark(String json) {
    return new Buffer().write(BOM).writeUtf8(json);
  }

  private static MockResponse marked(int status, String json) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(withMark(json));
  }

  @Test
  void decodesFirstAndFollowUpPagesThatStartWithAByteOrderMark() {
    pc.server().enqueue(marked(200, pageWithToken("token-1", "a", "b")));
    pc.server().enqueue(marked(200, lastPage("c")));

    try (PartnerCenterClient client = pc.client().build()) {
      assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a", "b", "c");
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
  }

  @Test
  void rawItemsNeverIncludeTheByteOrderMark() {
    String first = record("first");
    // The first item right after the mark and the array's bracket, nothing in between.
    String body = pageOfRecords(null, first + "," + record("second"), 2);
    pc.server().enqueue(marked(200, body));

    try (PartnerCenterClient client = pc.client().build()) {
      Page<AzureUtilizationRecord> page =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator().next();

      assertThat(new String(page.rawItems().toByteArray(0), StandardCharsets.UTF_8))
          .isEqualTo(first);
      assertThat(new String(page.rawItems().toByteArray(1), StandardCharsets.UTF_8))
          .isEqualTo(record("second"));
    }
  }

  @Test
  void decodesAUsageSummaryThatStartsWithAByteOrderMark() {
    pc.server().enqueue(marked(200, SUMMARY));
    pc.server().enqueue(marked(200, "{\"totalCount\":1,\"items\":[" + SUMMARY + "]}"));

    try (PartnerCenterClient client = pc.client().build()) {
      SubscriptionUsageSummary object = client.usageSummary(CUSTOMER, SUBSCRIPTION);
      SubscriptionUsageSummary collection = client.usageSummary(CUSTOMER, SUBSCRIPTION);

      assertThat(object.getTotalCost().toPlainString()).isEqualTo("3.1415926535897932384");
      assertThat(collection).isEqualTo(object);
    }
  }

  @Test
  void readsTheCodeOfAnErrorBodyThatStartsWithAByteOrderMark() {
    String error = "{\"code\":20003,\"description\":\"Subscription not found.\"}";
    pc.server().enqueue(marked(404, error));

    try (PartnerCenterClient client = pc.client().build()) {
      NotFoundException e =
          thrown(NotFoundException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));

      assertThat(e.errorCode()).isEqualTo("20003");
      assertThat(e.description()).isEqualTo("Subscription not found.");
      assertThat(e.rawBody()).isEqualTo(error);
    }
  }

  @Test
  void readsAThrottlingBodyThatStartsWithAByteOrderMark() {
    String body =
        "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 2 seconds.\"}";
    for (int i = 0; i < 4; i++) {
      pc.server().enqueue(marked(429, body).setHeader("Retry-After", "2"));
    }

    try (PartnerCenterClient client = pc.client().build()) {
      ThrottledException e =
          thrown(
              ThrottledException.class,
              () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));

      assertThat(e.description()).isEqualTo("Rate limit is exceeded. Try again in 2 seconds.");
      assertThat(e.rawBody()).startsWith("{");
    }
  }

  @Test
  void skipsOnlyOneByteOrderMark() {
    pc.server()
        .enqueue(
            new MockResponse()
                .setHeader("Content-Type", "application/json")
                .setBody(new Buffer().write(BOM).write(withMark(lastPage("a")).readByteArray())));

    try (PartnerCenterClient client = pc.client().build()) {
      thrown(
          InvalidResponseException.class,
          () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));
    }
  }

  @Test
  void pointsAtTheRightBytesWhenAPageAfterAByteOrderMarkDoesNotFit() {
    pc.server().enqueue(marked(200, "{\"items\": 42, \"links\": {}}"));

    try (PartnerCenterClient client = pc.client().build()) {
      InvalidResponseException e =
          thrown(
              InvalidResponseException.class,
              () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));

      assertThat(e.getMessage()).contains("$.items").contains("{\"items\": 42");
    }
  }
}
