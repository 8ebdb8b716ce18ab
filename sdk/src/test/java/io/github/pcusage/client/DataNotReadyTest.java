package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.status;
import static io.github.pcusage.client.TestData.thrown;
import static io.github.pcusage.testing.MockPartnerCenter.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Continuation;
import io.github.pcusage.DataNotReadyException;
import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code 204 No Content}: the data is not ready yet, on the first page or on a follow-up page. */
class DataNotReadyTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static MockResponse notReady(String retryAfter) {
    return status(204).setHeader("Retry-After", retryAfter);
  }

  private List<String> listAll(PartnerCenterClient.Builder builder) {
    try (PartnerCenterClient client = builder.build()) {
      return ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }
  }

  @ParameterizedTest(name = "Retry-After [{0}]")
  @MethodSource("retryAfters")
  void waitsAsRetryAfterSaysThenReturnsTheData(String retryAfter, Duration expectedWait) {
    pc.enqueue(retryAfter == null ? status(204) : notReady(retryAfter));
    pc.enqueue(json(lastPage("a")));

    assertThat(listAll(pc.client())).containsExactly("a");
    assertThat(pc.sleeper().delays()).containsExactly(expectedWait);
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
  }

  /** Retry-After in seconds, as an HTTP date 45 s after the clock's now, and absent (30 s). */
  static Stream<Arguments> retryAfters() {
    String in45Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(45).atZone(ZoneOffset.UTC));
    return Stream.of(
        Arguments.of("5", Duration.ofSeconds(5)),
        Arguments.of(in45Seconds, Duration.ofSeconds(45)),
        Arguments.of(null, Duration.ofSeconds(30)));
  }

  @Test
  void clampsRetryAfterToTheConfiguredMaximum() {
    pc.enqueue(notReady("86400"));
    pc.enqueue(json(lastPage("a")));

    List<String> records =
        listAll(
            pc.client()
                .dataNotReadyPolicy(
                    DataNotReadyPolicy.of(3, Duration.ofSeconds(30), Duration.ofMinutes(2))));

    assertThat(records).containsExactly("a");
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofMinutes(2));
  }

  @Test
  void notReadyForeverThrowsAfterMaxRetriesPlusOneRequests() {
    for (int i = 0; i < 6; i++) {
      pc.enqueue(notReady("7"));
    }

    DataNotReadyException e = thrown(DataNotReadyException.class, () -> listAll(pc.client()));

    assertThat(pc.server().getRequestCount())
        .isEqualTo(DataNotReadyPolicy.defaults().maxRetries() + 1);
    assertThat(pc.sleeper().delays())
        .containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.statusCode()).isEqualTo(204);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("not ready").contains("4 attempts");
  }

  @Test
  void noWaitPolicyThrowsAfterOneRequest() {
    pc.enqueue(notReady("60"));
    pc.enqueue(json(lastPage("a")));

    DataNotReadyException e =
        thrown(
            DataNotReadyException.class,
            () -> listAll(pc.client().dataNotReadyPolicy(DataNotReadyPolicy.noWait())));

    assertThat(pc.server().getRequestCount()).isEqualTo(1);
    assertThat(pc.sleeper().delays()).isEmpty();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isTrue());
  }

  @Test
  void retriesANotReadyThirdPageWithTheSameTokenAndRequestId() throws InterruptedException {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(pageWithToken("token-2", "b")));
    pc.enqueue(notReady("2"));
    pc.enqueue(json(lastPage("c")));

    assertThat(listAll(pc.client())).containsExactly("a", "b", "c");

    List<RecordedRequest> requests = pc.takeAll();
    assertThat(requests).hasSize(4);
    RecordedRequest refused = requests.get(2);
    RecordedRequest retried = requests.get(3);
    assertThat(refused.getHeader("MS-ContinuationToken")).isEqualTo("token-2");
    assertThat(retried.getHeader("MS-ContinuationToken")).isEqualTo("token-2");
    assertThat(retried.getPath()).isEqualTo(refused.getPath());
    assertThat(retried.getHeader("MS-RequestId")).isEqualTo(refused.getHeader("MS-RequestId"));
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void notReadyThirdPageForeverThrowsWithTheContinuationOfThatPage() {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(pageWithToken("token-2", "b")));
    for (int i = 0; i < 6; i++) {
      pc.enqueue(notReady("3"));
    }
    List<String> seen = new ArrayList<>();

    DataNotReadyException e =
        thrown(
            DataNotReadyException.class,
            () -> {
              try (PartnerCenterClient client = pc.client().build()) {
                client
                    .utilizations(CUSTOMER, SUBSCRIPTION, query())
                    .forEach(r -> seen.add(r.getResource().getId()));
              }
            });

    assertThat(seen).containsExactly("a", "b");
    assertThat(pc.server().getRequestCount())
        .isEqualTo(2 + MockPartnerCenter.RETRY_POLICY.maxAttempts());
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.continuation()).isPresent();
    assertThat(e.continuation().get().isFirstPage()).isFalse();
  }

  @Test
  void resumingFromTheNotReadyContinuationReturnsExactlyTheRemainingRecords()
      throws InterruptedException {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(pageWithToken("token-2", "b")));
    for (int i = 0; i < 4; i++) {
      pc.enqueue(notReady("3"));
    }
    Continuation resumeAt;
    try (PartnerCenterClient client = pc.client().build()) {
      resumeAt =
          thrown(
                  DataNotReadyException.class,
                  () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
              .continuation()
              .orElseThrow();
    }
    pc.takeAll();
    pc.enqueue(json(pageWithToken("token-3", "c", "d")));
    pc.enqueue(json(lastPage("e")));

    List<String> rest = new ArrayList<>();
    try (PartnerCenterClient client = pc.client().build()) {
      for (Page<AzureUtilizationRecord> page :
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage(resumeAt)) {
        rest.addAll(ids(page.items()));
      }
    }

    assertThat(rest).containsExactly("c", "d", "e");
    List<RecordedRequest> resumed = pc.takeAll();
    assertThat(resumed).hasSize(2);
    assertThat(resumed.get(0).getHeader("MS-ContinuationToken")).isEqualTo("token-2");
    assertThat(resumed.get(1).getHeader("MS-ContinuationToken")).isEqualTo("token-3");
  }
}
