package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.status;
import static io.github.pcusage.client.Fixtures.takeAll;
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Continuation;
import io.github.pcusage.DataNotReadyException;
import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code 204 No Content}: the data is not ready yet, on the first page or on a follow-up page. */
class DataNotReadyTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final MutableClock clock = new MutableClock(NOW);
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private PartnerCenterClient.Builder builder() {
    return Fixtures.client(server, sleeper, clock);
  }

  private static MockResponse notReady(String retryAfter) {
    return status(204).setHeader("Retry-After", retryAfter);
  }

  private List<String> listAll(PartnerCenterClient.Builder builder) {
    try (PartnerCenterClient client = builder.build()) {
      return ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }
  }

  @Test
  void waitsRetryAfterThenReturnsTheData() {
    server.enqueue(notReady("5"));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll(builder())).containsExactly("a");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(5));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitsUntilARetryAfterDate() {
    String in45Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(45).atZone(ZoneOffset.UTC));
    server.enqueue(notReady(in45Seconds));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll(builder())).containsExactly("a");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(45));
  }

  @Test
  void waitsThirtySecondsWhenRetryAfterIsAbsent() {
    server.enqueue(status(204));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll(builder())).containsExactly("a");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void clampsRetryAfterToTheConfiguredMaximum() {
    server.enqueue(notReady("86400"));
    server.enqueue(json(lastPage("a")));

    List<String> records =
        listAll(
            builder()
                .dataNotReadyPolicy(
                    DataNotReadyPolicy.of(3, Duration.ofSeconds(30), Duration.ofMinutes(2))));

    assertThat(records).containsExactly("a");
    assertThat(sleeper.delays).containsExactly(Duration.ofMinutes(2));
  }

  @Test
  void notReadyForeverThrowsAfterMaxRetriesPlusOneRequests() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(notReady("7"));
    }

    DataNotReadyException e = thrown(DataNotReadyException.class, () -> listAll(builder()));

    assertThat(server.getRequestCount()).isEqualTo(DataNotReadyPolicy.defaults().maxRetries() + 1);
    assertThat(sleeper.delays)
        .containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.statusCode()).isEqualTo(204);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("not ready").contains("4 attempts");
  }

  @Test
  void noWaitPolicyThrowsAfterOneRequest() {
    server.enqueue(notReady("60"));
    server.enqueue(json(lastPage("a")));

    DataNotReadyException e =
        thrown(
            DataNotReadyException.class,
            () -> listAll(builder().dataNotReadyPolicy(DataNotReadyPolicy.noWait())));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.delays).isEmpty();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isTrue());
  }

  @Test
  void retriesANotReadyThirdPageWithTheSameTokenAndRequestId() throws InterruptedException {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(pageWithToken("token-2", "b")));
    server.enqueue(notReady("2"));
    server.enqueue(json(lastPage("c")));

    assertThat(listAll(builder())).containsExactly("a", "b", "c");

    List<RecordedRequest> requests = takeAll(server);
    assertThat(requests).hasSize(4);
    RecordedRequest refused = requests.get(2);
    RecordedRequest retried = requests.get(3);
    assertThat(refused.getHeader("MS-ContinuationToken")).isEqualTo("token-2");
    assertThat(retried.getHeader("MS-ContinuationToken")).isEqualTo("token-2");
    assertThat(retried.getPath()).isEqualTo(refused.getPath());
    assertThat(retried.getHeader("MS-RequestId")).isEqualTo(refused.getHeader("MS-RequestId"));
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void notReadyThirdPageForeverThrowsWithTheContinuationOfThatPage() {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(pageWithToken("token-2", "b")));
    for (int i = 0; i < 6; i++) {
      server.enqueue(notReady("3"));
    }
    List<String> seen = new ArrayList<>();

    DataNotReadyException e =
        thrown(
            DataNotReadyException.class,
            () -> {
              try (PartnerCenterClient client = builder().build()) {
                client
                    .utilizations(CUSTOMER, SUBSCRIPTION, query())
                    .forEach(r -> seen.add(r.getResource().getId()));
              }
            });

    assertThat(seen).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(2 + Fixtures.exactRetries().maxAttempts());
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.continuation()).isPresent();
    assertThat(e.continuation().get().isFirstPage()).isFalse();
  }

  @Test
  void resumingFromTheNotReadyContinuationReturnsExactlyTheRemainingRecords()
      throws InterruptedException {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(pageWithToken("token-2", "b")));
    for (int i = 0; i < 4; i++) {
      server.enqueue(notReady("3"));
    }
    Continuation resumeAt;
    try (PartnerCenterClient client = builder().build()) {
      resumeAt =
          thrown(
                  DataNotReadyException.class,
                  () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
              .continuation()
              .orElseThrow();
    }
    takeAll(server);
    server.enqueue(json(pageWithToken("token-3", "c", "d")));
    server.enqueue(json(lastPage("e")));

    List<String> rest = new ArrayList<>();
    try (PartnerCenterClient client = builder().build()) {
      for (Page<AzureUtilizationRecord> page :
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage(resumeAt)) {
        rest.addAll(ids(page.items()));
      }
    }

    assertThat(rest).containsExactly("c", "d", "e");
    List<RecordedRequest> resumed = takeAll(server);
    assertThat(resumed).hasSize(2);
    assertThat(resumed.get(0).getHeader("MS-ContinuationToken")).isEqualTo("token-2");
    assertThat(resumed.get(1).getHeader("MS-ContinuationToken")).isEqualTo("token-3");
  }
}
