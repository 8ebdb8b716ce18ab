package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedThrottleTest {
  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  @Test
  void a429OnOneTargetPausesTheRequestsOfEveryTargetForItsRetryAfter() throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    long[] now = {1_000};
    SharedThrottle throttle = new SharedThrottle(Duration.ofMinutes(5), waits::add, () -> now[0]);
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(throttle).build();
    String customer = sandbox.customerIds().get(0);
    String other = utilization(customer, sandbox.subscriptionIds(customer).get(0));

    assertThat(get(http, utilization("scenario-throttled", "s1"))).isEqualTo(429); // Retry-After: 1
    assertThat(waits).isEmpty();
    assertThat(get(http, other)).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));

    now[0] += Duration.ofSeconds(1).toNanos();
    assertThat(get(http, other)).isEqualTo(200);
    assertThat(waits).hasSize(1);
  }

  @Test
  void theSharedPauseIsClampedToTheMaximumWait() throws Exception {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    SharedThrottle throttle = new SharedThrottle(Duration.ofMillis(250), waits::add, () -> 0L);
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(throttle).build();

    get(http, utilization("scenario-throttled", "s2"));
    get(http, utilization("scenario-throttled", "s2"));

    assertThat(waits).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    assertThat(SharedThrottle.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(SharedThrottle.retryAfter("Thu, 01 Jan 1970 00:00:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(SharedThrottle.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
  }

  private static String utilization(String customer, String subscription) {
    return sandbox.baseUrl()
        + "/v1/customers/"
        + customer
        + "/subscriptions/"
        + subscription
        + "/utilizations/azure?start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&size=1";
  }

  private static int get(OkHttpClient http, String url) throws Exception {
    try (Response response =
        http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer t").build())
            .execute()) {
      return response.code();
    }
  }
}
