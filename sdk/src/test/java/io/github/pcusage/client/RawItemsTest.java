package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageOfRecords;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RawItems;
import io.github.pcusage.internal.http.BodyArrays;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Page.rawItems(): the items' JSON byte for byte as served, and how long it stays readable. */
class RawItemsTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static final String ODD_NUMBERS = record("odd", "1.50E+3");
  private static final String UNKNOWN_FIELDS =
      "{\"futureField\":{\"nested\":[1,2,{\"x\":null}]}," + record("unknown", "-0.0").substring(1);
  private static final String ESCAPES =
      record("esc\\u00e9\\\"quoted\\\"\\\\back\\/slash\\n", "0.000000000000000000001");
  private static final String SPACED =
      "{ " + record("spaced", "2").substring(1).replace(",\"", " ,\r\n  \"").replace("}}", "} \n}");

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static List<String> raw(RawItems raw) throws IOException {
    String[] texts = new String[raw.size()];
    for (int i = 0; i < raw.size(); i++) {
      byte[] copy = raw.toByteArray(i);
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      raw.writeTo(i, written);
      assertThat(written.toByteArray()).isEqualTo(copy);
      assertThat(raw.length(i)).isEqualTo(copy.length);
      texts[i] = utf8(copy);
    }
    return List.of(texts);
  }

  @Test
  void rawItemsAreTheBytesServedWithNothingAroundThem() throws IOException {
    String items = ODD_NUMBERS + " ,\n  " + UNKNOWN_FIELDS + "\t,\r\n" + ESCAPES + ",   " + SPACED;
    Buffer body = new Buffer();
    body.writeUtf8(
        pageOfRecords(null, "\n  " + items + "\n", 4).replace("\"items\":", "\"items\" :  "));
    pc.server().enqueue(json("").setBody(body));

    try (PartnerCenterClient client = pc.client().build()) {
      Page<AzureUtilizationRecord> page =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator().next();

      assertThat(page.items()).hasSize(4);
      assertThat(raw(page.rawItems()))
          .containsExactly(ODD_NUMBERS, UNKNOWN_FIELDS, ESCAPES, SPACED);
    }
  }

  @Test
  void aRepeatedItemsMemberCountsOnlyLastAsInDecoding() throws IOException {
    String body =
        "{\"items\":["
            + record("first")
            + "],\"totalCount\":1,\"items\":[ "
            + record("second", "7")
            + " , "
            + record("third")
            + " ]}";
    pc.server().enqueue(json(body));

    try (PartnerCenterClient client = pc.client().build()) {
      Page<AzureUtilizationRecord> page =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator().next();

      assertThat(page.items())
          .extracting(r -> r.getResource().getId())
          .containsExactly("second", "third");
      assertThat(raw(page.rawItems())).containsExactly(record("second", "7"), record("third"));
    }
  }

  @Test
  void aPageKeepsItsRawItemsWhileTheNextPageIsFetchedAhead() throws Exception {
    String big = "x".repeat(200_000); // several 64 KiB chunks per page
    String first = record("a-" + big);
    pc.server()
        .enqueue(
            json(
                pageOfRecords(
                    TestData.next(TestData.NEXT_URI, "MS-ContinuationToken", "t1"), first, 1)));
    pc.server().enqueue(json(lastPage("b-" + big.replace('x', 'y'))));
    CountDownLatch secondPageRead = new CountDownLatch(2);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void callEnd(Call call) {
                    secondPageRead.countDown();
                  }
                })
            .build();

    try (PartnerCenterClient client = pc.client().okHttpClient(http).prefetch(true).build()) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      Page<AzureUtilizationRecord> page = pages.next();

      assertThat(secondPageRead.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(utf8(page.rawItems().toByteArray(0))).isEqualTo(first);

      Page<AzureUtilizationRecord> second = pages.next();
      assertThat(utf8(second.rawItems().toByteArray(0)))
          .isEqualTo(record("b-" + big.replace('x', 'y')));
    }
  }

  @Test
  void rawItemsOfAPageRefuseToBeReadOnceTheNextPageIsRequested() {
    pc.server().enqueue(json(pageWithToken("t1", "a")));
    pc.server().enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = pc.client().prefetch(false).build()) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      Page<AzureUtilizationRecord> first = pages.next();
      assertThat(first.rawItems().length(0)).isPositive();

      assertThat(pages.hasNext()).isTrue();

      assertThat(first.rawItems().size()).isEqualTo(1);
      assertThatIllegalStateException()
          .isThrownBy(() -> first.rawItems().toByteArray(0))
          .withMessageContaining("next page");
      assertThatIllegalStateException().isThrownBy(() -> first.rawItems().length(0));
      assertThatIllegalStateException()
          .isThrownBy(() -> first.rawItems().writeTo(0, new ByteArrayOutputStream()));
      assertThat(first.items()).hasSize(1); // the decoded items stay
      assertThat(utf8(pages.next().rawItems().toByteArray(0))).isEqualTo(record("b"));
    }
  }

  @Test
  void onlyByPageKeepsThePageBytesAnItemIterationGivesThemBackAtOnce() {
    // Fill the pool, so that every chunk a page takes is one the pool had.
    pc.enqueue(json(lastPage("warm-up")));
    try (PartnerCenterClient client = pc.client().prefetch(false).build()) {
      assertThat(client.utilizations(CUSTOMER, SUBSCRIPTION, query()).stream().count()).isOne();
      int pooled = BodyArrays.kept();
      assertThat(pooled).isPositive();

      pc.enqueue(json(pageWithToken("t1", "a")), json(lastPage("b")));
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      Page<AzureUtilizationRecord> first = pages.next();
      assertThat(BodyArrays.kept()).as("byPage holds the page's chunks").isLessThan(pooled);
      assertThat(utf8(first.rawItems().toByteArray(0))).isEqualTo(record("a"));
      pages.next();
      assertThat(pages.hasNext()).isFalse();
      assertThat(BodyArrays.kept()).as("every chunk back after the last page").isEqualTo(pooled);

      pc.enqueue(json(pageWithToken("t1", "a")), json(lastPage("b")));
      Iterator<AzureUtilizationRecord> items =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).iterator();
      assertThat(items.next().getResource().getId()).isEqualTo("a");
      assertThat(BodyArrays.kept()).as("an item iteration keeps no page bytes").isEqualTo(pooled);
      assertThat(items.next().getResource().getId()).isEqualTo("b");
      assertThat(BodyArrays.kept()).isEqualTo(pooled);
    }
  }
}
