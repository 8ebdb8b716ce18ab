package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.NEXT_URI;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.next;
import static io.github.pcusage.client.Fixtures.page;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.takeAll;
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.Continuation;
import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Continuations: saved, parsed, resumed elsewhere; and continuation tokens that would loop. */
class ContinuationTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private PartnerCenterClient newClient() {
    return Fixtures.client(server, sleeper, new MutableClock(NOW)).build();
  }

  /** Takes the first page of a three-page listing and returns its continuation. */
  private Continuation continuationAfterFirstPage() {
    server.enqueue(json(pageWithToken("token+1%3a%3d", "a", "b")));
    try (PartnerCenterClient client =
        Fixtures.client(server, sleeper, new MutableClock(NOW)).prefetch(false).build()) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      Page<AzureUtilizationRecord> first = pages.next();
      assertThat(ids(first.items())).containsExactly("a", "b");
      return first.continuation().orElseThrow();
    }
  }

  @Test
  void nextLinkWithoutAContinuationTokenFailsInsteadOfLooping() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(page(next(NEXT_URI), "a")));
    }

    PagingException e =
        thrown(
            PagingException.class,
            () -> {
              try (PartnerCenterClient client = newClient()) {
                ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
              }
            });

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.getMessage()).contains("MS-ContinuationToken");
    assertThat(e.continuation()).isPresent();
  }

  @Test
  void emptyContinuationTokenFailsInsteadOfLooping() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(page(next(NEXT_URI, "MS-ContinuationToken", ""), "a")));
    }

    PagingException e =
        thrown(
            PagingException.class,
            () -> {
              try (PartnerCenterClient client = newClient()) {
                ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
              }
            });

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.continuation()).isPresent();
  }

  @Test
  void repeatedContinuationTokenFailsInsteadOfLooping() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(json(pageWithToken("same-token", "r" + i)));
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

    assertThat(server.getRequestCount()).isEqualTo(2);
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
    List<RecordedRequest> before = takeAll(server);
    server.enqueue(json(pageWithToken("token-2", "c")));
    server.enqueue(json(lastPage("d", "e")));

    List<String> rest = new ArrayList<>();
    try (PartnerCenterClient fresh = newClient()) {
      PagedIterable<AzureUtilizationRecord> records =
          fresh.utilizations(CUSTOMER, SUBSCRIPTION, query());
      for (Page<AzureUtilizationRecord> page : records.byPage(Continuation.parse(saved))) {
        rest.addAll(ids(page.items()));
      }
    }

    assertThat(rest).containsExactly("c", "d", "e");
    List<RecordedRequest> resumed = takeAll(server);
    assertThat(resumed).hasSize(2);
    assertThat(resumed.get(0).getPath()).isEqualTo("/v1/" + NEXT_URI);
    assertThat(resumed.get(0).getHeader("MS-ContinuationToken")).isEqualTo("token+1%3a%3d");
    assertThat(resumed.get(0).getHeader("MS-CorrelationId"))
        .isEqualTo(before.get(0).getHeader("MS-CorrelationId"));
    assertThat(resumed.get(1).getHeader("MS-ContinuationToken")).isEqualTo("token-2");
  }

  @Test
  void refusesAContinuationOfAnotherSubscription() {
    Continuation continuation = continuationAfterFirstPage();
    int before = server.getRequestCount();

    try (PartnerCenterClient client = newClient()) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  client.utilizations(CUSTOMER, "other-subscription", query()).byPage(continuation))
          .withMessageContaining("other-subscription")
          .withMessageContaining(SUBSCRIPTION);
    }
    assertThat(server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void refusesAContinuationOfAnotherCustomer() {
    Continuation continuation = continuationAfterFirstPage();
    int before = server.getRequestCount();

    try (PartnerCenterClient client = newClient()) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> client.utilizations("fabrikam", SUBSCRIPTION, query()).byPage(continuation))
          .withMessageContaining("fabrikam");
    }
    assertThat(server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void refusesADamagedContinuationString() {
    String saved = continuationAfterFirstPage().encode();
    String base64 = saved.substring("pcu1.".length());
    List<String> damaged =
        List.of(
            "",
            "not a continuation",
            "pcu1.",
            "pcu1.***",
            saved.substring(0, saved.length() / 2),
            "pcu2." + base64,
            "pcu1." + Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)),
            "pcu1."
                + Base64.getUrlEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)));

    for (String text : damaged) {
      assertThatIllegalArgumentException()
          .as(text)
          .isThrownBy(() -> Continuation.parse(text))
          .withMessageContaining("continuation");
    }
  }
}
