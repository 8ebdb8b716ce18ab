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

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.ServerException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries: 429 and 5xx with Retry-After or exponential backoff, bounded; never 400, 403, 404. */
class RetryTest {
  private static final String THROTTLED =
      "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 57 seconds.\"}";

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private List<String> listAll(PartnerCenterClient.Builder builder) {
    try (PartnerCenterClient client = builder.build()) {
      return ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }
  }

  private List<String> listAll() {
    return listAll(pc.client());
  }

  private static MockResponse throttled(String retryAfter) {
    return status(429).setHeader("Retry-After", retryAfter).setBody(THROTTLED);
  }

  @ParameterizedTest(name = "Retry-After [{0}]")
  @MethodSource("retryAfters")
  void waitsAsRetryAfterSaysOnThrottling(String retryAfter, Duration expectedWait) {
    pc.enqueue(throttled(retryAfter));
    pc.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(pc.sleeper().delays()).containsExactly(expectedWait);
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
  }

  /** Retry-After in seconds, and as an HTTP date 90 s after the clock's now. */
  static Stream<Arguments> retryAfters() {
    String in90Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
    return Stream.of(
        Arguments.of("7", Duration.ofSeconds(7)),
        Arguments.of(in90Seconds, Duration.ofSeconds(90)));
  }

  @Test
  void clampsAHugeRetryAfterToMaxRetryAfter() {
    pc.enqueue(throttled("999999999999"));
    pc.enqueue(json(lastPage("a")));

    List<String> records =
        listAll(
            pc.client()
                .retryPolicy(
                    RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(90)).build()));

    assertThat(records).containsExactly("a");
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void throttledOnEveryAttemptThrowsThrottledAfterMaxAttempts() throws InterruptedException {
    for (int i = 0; i < 6; i++) {
      pc.enqueue(throttled("57"));
    }

    ThrottledException e = thrown(ThrottledException.class, this::listAll);

    assertThat(pc.server().getRequestCount()).isEqualTo(4);
    assertThat(pc.sleeper().delays())
        .containsExactly(Duration.ofSeconds(57), Duration.ofSeconds(57), Duration.ofSeconds(57));
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(57));
    assertThat(e.description()).isEqualTo("Rate limit is exceeded. Try again in 57 seconds.");
    String sentRequestId = pc.takeRequest().getHeader("MS-RequestId");
    assertThat(e.requestId()).isEqualTo(sentRequestId);
    assertThat(e.getMessage()).contains(sentRequestId);
    assertThat(e.isRetryable()).isTrue();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource(
      value = {
        "500, '{\"code\": 800002, \"description\": \"Unexpected error.\"}'",
        "502,",
        "503,",
        "504,"
      })
  void retriesAServerErrorThenSucceeds(int code, String body) {
    pc.enqueue(body == null ? status(code) : status(code).setBody(body));
    pc.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void backsOffExponentiallyWithoutRetryAfter() {
    pc.enqueue(status(500));
    pc.enqueue(status(503));
    pc.enqueue(status(500));
    pc.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(pc.sleeper().delays())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void keepsJitteredBackoffWithinItsShare() {
    for (int i = 0; i < 3; i++) {
      pc.enqueue(status(500));
    }
    pc.enqueue(json(lastPage("a")));

    listAll(pc.client().retryPolicy(RetryPolicy.builder().jitter(0.5).build()));

    assertThat(pc.sleeper().delays()).hasSize(3);
    assertThat(pc.sleeper().delays().get(0))
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
    assertThat(pc.sleeper().delays().get(1))
        .isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
    assertThat(pc.sleeper().delays().get(2))
        .isBetween(Duration.ofMillis(2000), Duration.ofMillis(6000));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 403, 404})
  void neverRetriesClientErrors(int code) {
    pc.enqueue(status(code).setBody("{\"code\": 20003, \"description\": \"No.\"}"));
    pc.enqueue(json(lastPage("a")));

    PartnerCenterException e = thrown(PartnerCenterException.class, this::listAll);

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e.isRetryable()).isFalse();
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
    assertThat(pc.sleeper().delays()).isEmpty();
  }

  @Test
  void noRetryPolicyMakesOneAttempt() {
    pc.enqueue(status(503));
    pc.enqueue(json(lastPage("a")));

    thrown(ServerException.class, () -> listAll(pc.client().retryPolicy(RetryPolicy.none())));

    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorOnAFollowUpPageAfterRetriesCarriesTheContinuationOfThatPage()
      throws InterruptedException {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    for (int i = 0; i < 4; i++) {
      pc.enqueue(
          status(500)
              .setBody("{\"code\": 800003, \"description\": \"Unexpected service error.\"}"));
    }
    List<String> seen = new ArrayList<>();

    ServerException e =
        thrown(
            ServerException.class,
            () -> {
              try (PartnerCenterClient client = pc.client().build()) {
                client
                    .utilizations(CUSTOMER, SUBSCRIPTION, query())
                    .forEach(r -> seen.add(r.getResource().getId()));
              }
            });

    assertThat(seen).containsExactly("a");
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.errorCode()).isEqualTo("800003");
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isFalse());
    List<RecordedRequest> requests = pc.takeAll();
    assertThat(requests).hasSize(5);
    assertThat(
            requests.subList(1, 5).stream()
                .map(r -> r.getHeader("MS-ContinuationToken"))
                .collect(Collectors.toList()))
        .containsOnly("token-1");

    pc.enqueue(json(lastPage("b")));
    List<String> rest = new ArrayList<>();
    try (PartnerCenterClient client = pc.client().build()) {
      client
          .utilizations(CUSTOMER, SUBSCRIPTION, query())
          .byPage(e.continuation().get())
          .forEach(page -> rest.addAll(ids(page.items())));
    }
    assertThat(rest).containsExactly("b");
    assertThat(pc.takeRequest().getHeader("MS-ContinuationToken")).isEqualTo("token-1");
  }
}
