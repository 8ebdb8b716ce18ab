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
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.testing.ConnectionEvents;
import io.github.pcusage.testing.MockPartnerCenter;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every response the client receives is closed, retried or not: no connection is left in use. */
class ConnectionLeakTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private final ConnectionPool pool = new ConnectionPool(5, 5, TimeUnit.MINUTES);
  private final ConnectionEvents events = new ConnectionEvents();

  /** A client of the server whose OkHttp reports to {@link #events} and pools in {@link #pool}. */
  private PartnerCenterClient client() {
    OkHttpClient base =
        new OkHttpClient.Builder().connectionPool(pool).eventListener(events).build();
    return pc.client().okHttpClient(base).build();
  }

  private void assertEveryResponseClosed(int expectedResponses) {
    assertThat(events.responses).hasValue(expectedResponses);
    assertThat(events.bodiesClosed).hasValue(expectedResponses);
    assertThat(events.released).hasValue(events.acquired.get());
    assertThat(events.callsFinished()).isEqualTo(events.callsStarted.get());
    assertThat(pool.connectionCount()).isPositive();
    assertThat(pool.idleConnectionCount()).isEqualTo(pool.connectionCount());
  }

  @Test
  void closesEveryRetriedResponseOfAListing() {
    pc.enqueue(status(500).setBody("{\"code\": 800002, \"description\": \"Unexpected error.\"}"));
    pc.enqueue(
        status(429)
            .setHeader("Retry-After", "1")
            .setBody("{\"statusCode\": 429, \"message\": \"Slow down.\"}"));
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(status(503).setBody("busy"));
    pc.enqueue(status(401));
    pc.enqueue(status(204).setHeader("Retry-After", "1"));
    pc.enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = client()) {
      assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a", "b");

      assertEveryResponseClosed(7);
    }
  }

  @Test
  void closesTheResponsesOfAFailedListing() {
    pc.enqueue(status(500));
    pc.enqueue(
        status(404).setBody("{\"code\": 20003, \"description\": \"Subscription not found.\"}"));

    try (PartnerCenterClient client = client()) {
      thrown(
          NotFoundException.class, () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));

      assertEveryResponseClosed(2);
    }
  }

  @Test
  void closesTheResponsesOfAFailedUsageSummary() {
    pc.enqueue(status(429).setHeader("Retry-After", "1"));
    pc.enqueue(
        status(404).setBody("{\"code\": 20003, \"description\": \"Subscription not found.\"}"));

    try (PartnerCenterClient client = client()) {
      thrown(NotFoundException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));

      assertEveryResponseClosed(2);
    }
  }
}
