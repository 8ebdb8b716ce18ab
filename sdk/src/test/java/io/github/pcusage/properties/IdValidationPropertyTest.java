package io.github.pcusage.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PagedIterable;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Customer and subscription ids, however hostile (slashes, dots, percent signs, unicode, control
 * characters, lone surrogates, 10,000 characters): either refused before anything is sent, with an
 * {@link IllegalArgumentException} naming the field, or sent as exactly one path segment each, so
 * that the request path is {@code /v1/customers/<id>/subscriptions/<id>/...} and decodes back to
 * the very ids given. No other exception, ever.
 */
class IdValidationPropertyTest {
  private static final String GOOD = "d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd";
  private static final UtilizationQuery QUERY =
      UtilizationQuery.builder()
          .startTime(OffsetDateTime.parse("2026-10-01T00:00:00Z"))
          .endTime(OffsetDateTime.parse("2026-11-01T00:00:00Z"))
          .build();
  private static EchoServer server;
  private static PartnerCenterClient client;

  @BeforeContainer
  static void start() throws Exception {
    server = new EchoServer();
    client =
        PartnerCenterClient.builder()
            .baseUrl(server.baseUrl())
            .tokenProvider(TokenProvider.of("t"))
            .retryPolicy(RetryPolicy.none())
            .prefetch(false)
            .build();
  }

  @AfterContainer
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  @Property(tries = 3000)
  void utilizationIdsAreRefusedByNameOrSentAsExactlyOneSegment(
      @ForAll("ids") String customer, @ForAll("ids") String subscription) throws Exception {
    server.drain();
    int sent = server.requestCount();
    PagedIterable<AzureUtilizationRecord> listing;
    try {
      listing = client.utilizations(customer, subscription, QUERY);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith(expectedField(customer));
      assertThat(server.requestCount()).as("requests sent").isEqualTo(sent);
      Statistics.collect("refused: " + expectedField(customer));
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("not an IllegalArgumentException: " + e, e);
    }
    int before = server.requestCount();
    try {
      assertThat(listing.iterator().hasNext()).isFalse();
    } catch (RuntimeException | Error e) {
      throw new AssertionError("an accepted id failed the call: " + e, e);
    }
    assertThat(server.requestCount()).isEqualTo(before + 1);
    RecordedRequest request = server.take();
    assertSegments(
        request.getRequestUrl(),
        List.of(
            "v1", "customers", customer, "subscriptions", subscription, "utilizations", "azure"));
    Statistics.collect("sent");
  }

  @Property(tries = 1000)
  void usageSummaryIdsAreRefusedByNameOrSentAsExactlyOneSegment(
      @ForAll("ids") String customer, @ForAll("ids") String subscription) throws Exception {
    server.drain();
    try {
      client.usageSummary(customer, subscription);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith(expectedField(customer));
      Statistics.collect("refused: " + expectedField(customer));
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("not an IllegalArgumentException: " + e, e);
    }
    assertSegments(
        server.take().getRequestUrl(),
        List.of("v1", "customers", customer, "subscriptions", subscription, "usagesummary"));
    Statistics.collect("sent");
  }

  /** The SDK checks the customer id first: if it alone is refused, the message names it. */
  private static String expectedField(String customer) {
    try {
      client.utilizations(customer, GOOD, QUERY);
      return "subscriptionId";
    } catch (IllegalArgumentException e) {
      return "customerId";
    }
  }

  private static void assertSegments(HttpUrl url, List<String> expected) {
    assertThat(url).isNotNull();
    assertThat(url.pathSegments())
        .as("the decoded path of %s", url.encodedPath())
        .isEqualTo(expected);
    assertThat(url.encodedPath()).doesNotContain("/../").doesNotContain("/./").doesNotContain("//");
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(100).ofMaxLength(10_000)),
        net.jqwik.api.Tuple.of(
            4,
            Arbitraries.strings()
                .withChars(
                    "/\\.%?#;:@&=+$,~!*'()[]{}|^`\"<> \t\r\n\u0000\u007f\u0085\u00a0\u2028\u202e\u200b\ufeff\ud800\udc00")
                .withCharRange('a', 'f')
                .withCharRange('0', '9')
                .withChars('-', 'é', 'ü', '中', 'Ω', '．')
                .ofMaxLength(30)),
        net.jqwik.api.Tuple.of(
            2,
            Arbitraries.of(
                "../../admin",
                "..",
                ".",
                "...",
                "%2e%2e",
                "%2E%2E%2Fadmin",
                "..%2F",
                "a/../b",
                "..;",
                "．．",
                "．",
                "..\\admin",
                "\u002e\u002e/admin",
                "",
                " ",
                "\u0000",
                "ü",
                "😀",
                "a".repeat(128),
                "a".repeat(129),
                "?x=1",
                "#frag",
                "a b",
                "C:\\",
                "~",
                "-",
                "_",
                "@",
                "a@b",
                "a:b",
                "a;b=c",
                "\ud83d",
                "\ude00x",
                "x\ud83d\ude00")),
        net.jqwik.api.Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())));
  }
}
