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
import static io.github.pcusage.client.Fixtures.take;
import static io.github.pcusage.client.Fixtures.takeAll;
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.ServerException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries: 429 and 5xx with Retry-After or exponential backoff, bounded; never 400, 403, 404. */
class RetryTest {
  private static final String THROTTLED =
      "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 57 seconds.\"}";

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

  private List<String> listAll(PartnerCenterClient.Builder builder) {
    try (PartnerCenterClient client = builder.build()) {
      return ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }
  }

  private List<String> listAll() {
    return listAll(Fixtures.client(server, sleeper, clock));
  }

  private static MockResponse throttled(String retryAfter) {
    return status(429).setHeader("Retry-After", retryAfter).setBody(THROTTLED);
  }

  @Test
  void waitsRetryAfterSecondsOnThrottling() {
    server.enqueue(throttled("7"));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void waitsUntilARetryAfterDateOnThrottling() {
    String in90Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
    server.enqueue(throttled(in90Seconds));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void clampsAHugeRetryAfterToMaxRetryAfter() {
    server.enqueue(throttled("999999999999"));
    server.enqueue(json(lastPage("a")));

    List<String> records =
        listAll(
            Fixtures.client(server, sleeper, clock)
                .retryPolicy(
                    RetryPolicy.builder().jitter(0).maxRetryAfter(Duration.ofSeconds(90)).build()));

    assertThat(records).containsExactly("a");
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void throttledOnEveryAttemptThrowsThrottledAfterMaxAttempts() throws InterruptedException {
    for (int i = 0; i < 6; i++) {
      server.enqueue(throttled("57"));
    }

    ThrottledException e = thrown(ThrottledException.class, this::listAll);

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeper.delays)
        .containsExactly(Duration.ofSeconds(57), Duration.ofSeconds(57), Duration.ofSeconds(57));
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(57));
    assertThat(e.description()).isEqualTo("Rate limit is exceeded. Try again in 57 seconds.");
    String sentRequestId = take(server).getHeader("MS-RequestId");
    assertThat(e.requestId()).isEqualTo(sentRequestId);
    assertThat(e.getMessage()).contains(sentRequestId);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void retriesAServerErrorThenSucceeds() {
    server.enqueue(
        status(500).setBody("{\"code\": 800002, \"description\": \"Unexpected error.\"}"));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(1));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {502, 503, 504})
  void retriesGatewayErrors(int code) {
    server.enqueue(status(code));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void backsOffExponentiallyWithoutRetryAfter() {
    server.enqueue(status(500));
    server.enqueue(status(503));
    server.enqueue(status(500));
    server.enqueue(json(lastPage("a")));

    assertThat(listAll()).containsExactly("a");
    assertThat(sleeper.delays)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void keepsJitteredBackoffWithinItsShare() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(500));
    }
    server.enqueue(json(lastPage("a")));

    listAll(
        Fixtures.client(server, sleeper, clock)
            .retryPolicy(RetryPolicy.builder().jitter(0.5).build()));

    assertThat(sleeper.delays).hasSize(3);
    assertThat(sleeper.delays.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
    assertThat(sleeper.delays.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(3000));
    assertThat(sleeper.delays.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(6000));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 403, 404})
  void neverRetriesClientErrors(int code) {
    server.enqueue(status(code).setBody("{\"code\": 20003, \"description\": \"No.\"}"));
    server.enqueue(json(lastPage("a")));

    PartnerCenterException e = thrown(PartnerCenterException.class, this::listAll);

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e.isRetryable()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void noRetryPolicyMakesOneAttempt() {
    server.enqueue(status(503));
    server.enqueue(json(lastPage("a")));

    thrown(
        ServerException.class,
        () -> listAll(Fixtures.client(server, sleeper, clock).retryPolicy(RetryPolicy.none())));

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorOnAFollowUpPageAfterRetriesCarriesTheContinuationOfThatPage()
      throws InterruptedException {
    server.enqueue(json(pageWithToken("token-1", "a")));
    for (int i = 0; i < 4; i++) {
      server.enqueue(
          status(500)
              .setBody("{\"code\": 800003, \"description\": \"Unexpected service error.\"}"));
    }
    List<String> seen = new ArrayList<>();

    ServerException e =
        thrown(
            ServerException.class,
            () -> {
              try (PartnerCenterClient client = Fixtures.client(server, sleeper, clock).build()) {
                client
                    .utilizations(CUSTOMER, SUBSCRIPTION, query())
                    .forEach(r -> seen.add(r.getResource().getId()));
              }
            });

    assertThat(seen).containsExactly("a");
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.errorCode()).isEqualTo("800003");
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isFalse());
    List<RecordedRequest> requests = takeAll(server);
    assertThat(requests).hasSize(5);
    assertThat(
            requests.subList(1, 5).stream()
                .map(r -> r.getHeader("MS-ContinuationToken"))
                .collect(Collectors.toList()))
        .containsOnly("token-1");

    server.enqueue(json(lastPage("b")));
    List<String> rest = new ArrayList<>();
    try (PartnerCenterClient client = Fixtures.client(server, sleeper, clock).build()) {
      client
          .utilizations(CUSTOMER, SUBSCRIPTION, query())
          .byPage(e.continuation().get())
          .forEach(page -> rest.addAll(ids(page.items())));
    }
    assertThat(rest).containsExactly("b");
    assertThat(take(server).getHeader("MS-ContinuationToken")).isEqualTo("token-1");
  }
}
