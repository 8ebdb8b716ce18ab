package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  static final String ALL = "start_time=2026-09-01T00:00:00Z&end_time=2026-12-01T00:00:00Z&size=50";
  static final String MIX = "429=0.1,429-date=0.05,500=0.1,503=0.05,204-next=0.1,seed=7";

  /** What a client saw while listing everything, retrying each failed request as is. */
  record Run(List<Integer> statuses, List<JsonNode> records, FaultCounters counters) {}

  private static Run listWithRetries(Faults faults) {
    try (Sandbox sandbox =
        Sandbox.builder().seed(42).recordsPerSubscription(1500).faults(faults).start()) {
      SandboxHttp http = new SandboxHttp(sandbox);
      String c = sandbox.customerIds().get(0);
      String s = sandbox.subscriptionIds(c).get(0);
      List<Integer> statuses = new ArrayList<>();
      List<JsonNode> records = new ArrayList<>();
      JsonNode previous = null;
      for (int attempts = 0; attempts < 1000; attempts++) {
        HttpResponse<byte[]> response =
            previous == null ? http.get(utilization(c, s, ALL)) : http.next(previous);
        statuses.add(response.statusCode());
        if (response.statusCode() != 200) {
          continue;
        }
        JsonNode page = json(response);
        page.path("items").forEach(records::add);
        if (!page.path("links").has("next")) {
          return new Run(statuses, records, sandbox.faultCounters());
        }
        previous = page;
      }
      throw new AssertionError("listing did not end: " + statuses);
    }
  }

  @Test
  void sameSeedGivesTheSameFaultsAndRetriesLoseNothing() {
    Run one = listWithRetries(Faults.parse(MIX));
    Run two = listWithRetries(Faults.parse(MIX));

    assertThat(two.statuses()).isEqualTo(one.statuses());
    assertThat(one.statuses()).contains(429, 500, 503, 204);
    assertThat(one.records()).hasSize(1500);
    assertThat(two.records()).isEqualTo(one.records());
    long failures = one.statuses().stream().filter(status -> status != 200).count();
    assertThat(one.counters().total()).isEqualTo(failures);
    assertThat(one.counters().count(Fault.NEXT_PAGE_NOT_READY))
        .isEqualTo(one.statuses().stream().filter(status -> status == 204).count());
  }

  @Test
  void anotherSeedGivesOtherFaults() {
    Run one = listWithRetries(Faults.parse(MIX));
    Run other = listWithRetries(Faults.parse(MIX).withSeed(8));

    assertThat(other.statuses()).isNotEqualTo(one.statuses());
    assertThat(other.records()).isEqualTo(one.records());
  }

  private static Sandbox faulty(String spec) {
    return Sandbox.builder().recordsPerSubscription(120).faults(Faults.parse(spec)).start();
  }

  private static String first(Sandbox sandbox) {
    String c = sandbox.customerIds().get(0);
    return utilization(c, sandbox.subscriptionIds(c).get(0), ALL);
  }

  @Test
  void throttlingFaultsCarryRetryAfterInSecondsOrAsHttpDate() {
    try (Sandbox seconds = faulty("429=1,retry-after=3");
        Sandbox date = faulty("429-date=1")) {
      HttpResponse<byte[]> a = new SandboxHttp(seconds).get(first(seconds));
      HttpResponse<byte[]> b = new SandboxHttp(date).get(first(date));

      assertThat(a.statusCode()).isEqualTo(429);
      assertThat(a.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(json(a).path("message").asText())
          .isEqualTo("Rate limit is exceeded. Try again in 3 seconds.");
      assertThat(b.statusCode()).isEqualTo(429);
      ZonedDateTime when =
          ZonedDateTime.parse(
              b.headers().firstValue("Retry-After").orElseThrow(),
              DateTimeFormatter.RFC_1123_DATE_TIME);
      assertThat(when).isAfter(ZonedDateTime.now().minusSeconds(1));
      assertThat(seconds.faultCounters().count(Fault.THROTTLED)).isEqualTo(1);
      assertThat(date.faultCounters().count(Fault.THROTTLED_HTTP_DATE)).isEqualTo(1);
    }
  }

  @Test
  void nextPageNotReadyFaultOnlyHitsFollowUpPages() {
    try (Sandbox sandbox = faulty("204-next=1")) {
      SandboxHttp http = new SandboxHttp(sandbox);
      HttpResponse<byte[]> firstPage = http.get(first(sandbox));
      HttpResponse<byte[]> follow = http.next(json(firstPage));

      assertThat(firstPage.statusCode()).isEqualTo(200);
      assertThat(follow.statusCode()).isEqualTo(204);
      assertThat(follow.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(sandbox.faultCounters().count(Fault.NEXT_PAGE_NOT_READY)).isEqualTo(1);
    }
  }

  @Test
  void nextPageNotReadyDateFaultSendsAnHttpDateOnFollowUpPagesOnly() {
    try (Sandbox sandbox = faulty("204-next-date=1")) {
      SandboxHttp http = new SandboxHttp(sandbox);
      HttpResponse<byte[]> firstPage = http.get(first(sandbox));
      HttpResponse<byte[]> follow = http.next(json(firstPage));

      assertThat(firstPage.statusCode()).isEqualTo(200);
      assertThat(follow.statusCode()).isEqualTo(204);
      assertThat(follow.body()).isEmpty();
      ZonedDateTime when =
          ZonedDateTime.parse(
              follow.headers().firstValue("Retry-After").orElseThrow(),
              DateTimeFormatter.RFC_1123_DATE_TIME);
      assertThat(when).isAfter(ZonedDateTime.now().minusSeconds(1));
      assertThat(sandbox.faultCounters().count(Fault.NEXT_PAGE_NOT_READY_HTTP_DATE)).isEqualTo(1);
    }
  }

  @Test
  void connectionResetCutsTheBodyShortOfItsLength() {
    try (Sandbox sandbox = faulty("reset=1")) {
      SandboxHttp http = new SandboxHttp(sandbox);

      assertThatThrownBy(() -> http.get(first(sandbox))).isInstanceOf(UncheckedIOException.class);
      assertThat(sandbox.faultCounters().count(Fault.CONNECTION_RESET)).isPositive();
    }
  }

  @Test
  void truncatedBodyIsAComplete200WhoseJsonEndsHalfway() {
    try (Sandbox sandbox = faulty("truncate=1")) {
      HttpResponse<byte[]> response = new SandboxHttp(sandbox).get(first(sandbox));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValueAsLong("Content-Length"))
          .hasValue(response.body().length);
      assertThatThrownBy(() -> json(response)).isInstanceOf(IllegalStateException.class);
      assertThat(sandbox.faultCounters().count(Fault.TRUNCATED_BODY)).isEqualTo(1);
    }
  }

  @Test
  void slowFaultDelaysTheNormalAnswer() {
    try (Sandbox sandbox = faulty("slow=1,slow-ms=60")) {
      long before = System.nanoTime();
      HttpResponse<byte[]> response = new SandboxHttp(sandbox).get(first(sandbox));
      Duration took = Duration.ofNanos(System.nanoTime() - before);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(60));
      assertThat(sandbox.faultCounters().snapshot()).containsEntry(Fault.SLOW, 1L);
    }
  }

  @Test
  void fixedLatencyDelaysEveryAnswer() {
    try (Sandbox sandbox =
        Sandbox.builder().recordsPerSubscription(5).latency(Duration.ofMillis(40)).start()) {
      long before = System.nanoTime();
      assertThat(new SandboxHttp(sandbox).get(first(sandbox)).statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - before))
          .isGreaterThanOrEqualTo(Duration.ofMillis(40));
      assertThat(sandbox.faultCounters().total()).isZero();
    }
  }

  @Test
  void faultsAlsoHitTheUsageSummary() {
    try (Sandbox sandbox = faulty("503=1")) {
      String c = sandbox.customerIds().get(0);
      HttpResponse<byte[]> response =
          new SandboxHttp(sandbox).get(SandboxHttp.summary(c, sandbox.subscriptionIds(c).get(0)));

      ErrorsTest.assertCodelessError(response, 503);
    }
  }
}
