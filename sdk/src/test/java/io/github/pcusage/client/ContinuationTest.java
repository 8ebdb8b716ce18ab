package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.Continuation;
import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Continuations: saved, parsed, resumed elsewhere; and continuation tokens that would loop. */
class ContinuationTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private PartnerCenterClient newClient() {
    return pc.client().build();
  }

  /** Takes the first page of a three-page listing and returns its continuation. */
  private Continuation continuationAfterFirstPage() {
    pc.enqueue(json(pageWithToken("token+1%3a%3d", "a", "b")));
    try (PartnerCenterClient client = pc.client().prefetch(false).build()) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      Page<AzureUtilizationRecord> first = pages.next();
      assertThat(ids(first.items())).containsExactly("a", "b");
      return first.continuation().orElseThrow();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextLinksWithoutAToken")
  void nextLinkWithoutAUsableContinuationTokenFailsInsteadOfLooping(String why, String nextLink) {
    for (int i = 0; i < 5; i++) {
      pc.enqueue(json(page(nextLink, "a")));
    }

    PagingException e =
        thrown(
            PagingException.class,
            () -> {
              try (PartnerCenterClient client = newClient()) {
                ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
              }
            });

    assertThat(pc.server().getRequestCount()).isEqualTo(1);
    assertThat(e.getMessage()).contains("MS-ContinuationToken");
    assertThat(e.continuation()).isPresent();
  }

  static Stream<Arguments> nextLinksWithoutAToken() {
    return Stream.of(
        Arguments.of("no MS-ContinuationToken header", next(NEXT_URI)),
        Arguments.of("an empty MS-ContinuationToken", next(NEXT_URI, "MS-ContinuationToken", "")));
  }

  @Test
  void repeatedContinuationTokenFailsInsteadOfLooping() {
    for (int i = 0; i < 10; i++) {
      pc.enqueue(json(pageWithToken("same-token", "r" + i)));
    }
    List<String> seen = new ArrayList<>();

    PagingException e =
        thrown(
            PagingException.class,
            () -> {
              try (PartnerCenterClient client = newClient()) {
                client
                    .utilizations(CUSTOMER, SUBSCRIPTION, query())
                    .forEach(r -> seen.add(r.getResource().getId()));
              }
            });

    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(seen).containsExactly("r0");
    assertThat(e.getMessage()).contains("already sent");
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isFalse());
  }

  @Test
  void continuationRoundTripsThroughItsEncodedForm() {
    Continuation continuation = continuationAfterFirstPage();

    Continuation parsed = Continuation.parse(continuation.encode());

    assertThat(parsed).isEqualTo(continuation);
    assertThat(parsed.encode()).isEqualTo(continuation.encode());
    assertThat(parsed.customerId()).isEqualTo(CUSTOMER);
    assertThat(parsed.subscriptionId()).isEqualTo(SUBSCRIPTION);
    assertThat(parsed.isFirstPage()).isFalse();
    assertThat(continuation.encode()).startsWith("pcu1.");
  }

  @Test
  void resumesFromASavedStringInANewClientWithExactlyTheRemainingRecords()
      throws InterruptedException {
    String saved = continuationAfterFirstPage().encode();
    List<RecordedRequest> before = pc.takeAll();
    pc.enqueue(json(pageWithToken("token-2", "c")));
    pc.enqueue(json(lastPage("d", "e")));

    List<String> rest = new ArrayList<>();
    try (PartnerCenterClient fresh = newClient()) {
      PagedIterable<AzureUtilizationRecord> records =
          fresh.utilizations(CUSTOMER, SUBSCRIPTION, query());
      for (Page<AzureUtilizationRecord> page : records.byPage(Continuation.parse(saved))) {
        rest.addAll(ids(page.items()));
      }
    }

    assertThat(rest).containsExactly("c", "d", "e");
    List<RecordedRequest> resumed = pc.takeAll();
    assertThat(resumed).hasSize(2);
    assertThat(resumed.get(0).getPath()).isEqualTo("/v1/" + NEXT_URI);
    assertThat(resumed.get(0).getHeader("MS-ContinuationToken")).isEqualTo("token+1%3a%3d");
    assertThat(resumed.get(0).getHeader("MS-CorrelationId"))
        .isEqualTo(before.get(0).getHeader("MS-CorrelationId"));
    assertThat(resumed.get(1).getHeader("MS-ContinuationToken")).isEqualTo("token-2");
  }

  @ParameterizedTest(name = "customer {0}, subscription {1}")
  @CsvSource({CUSTOMER + ", other-subscription", "fabrikam, " + SUBSCRIPTION})
  void refusesAContinuationOfAnotherCustomerOrSubscription(String customer, String subscription) {
    Continuation continuation = continuationAfterFirstPage();
    int before = pc.server().getRequestCount();

    try (PartnerCenterClient client = newClient()) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> client.utilizations(customer, subscription, query()).byPage(continuation))
          .withMessageContaining(customer)
          .withMessageContaining(subscription)
          .withMessageContaining(CUSTOMER)
          .withMessageContaining(SUBSCRIPTION);
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void refusesADamagedContinuationString(String why, UnaryOperator<String> damage) {
    String text = damage.apply(continuationAfterFirstPage().encode());

    assertThatIllegalArgumentException()
        .as(text)
        .isThrownBy(() -> Continuation.parse(text))
        .withMessageContaining("continuation");
  }

  /** Ways to damage a saved continuation string (given the saved string). */
  static Stream<Arguments> damages() {
    return Stream.of(
        damage("empty", saved -> ""),
        damage("not a continuation", saved -> "not a continuation"),
        damage("prefix only", saved -> "pcu1."),
        damage("not base64", saved -> "pcu1.***"),
        damage("cut in half", saved -> saved.substring(0, saved.length() / 2)),
        damage("unknown version", saved -> "pcu2." + saved.substring("pcu1.".length())),
        damage("empty object", saved -> "pcu1." + base64("{}")),
        damage("not an object", saved -> "pcu1." + base64("[1,2]")));
  }

  private static Arguments damage(String why, UnaryOperator<String> damage) {
    return Arguments.of(why, damage);
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
