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
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every response the client receives is closed, retried or not: no connection is left in use. */
class ConnectionLeakTest {
  private final ConnectionPool pool = new ConnectionPool(5, 5, TimeUnit.MINUTES);
  private final Events events = new Events();
  private MockWebServer server;
  private PartnerCenterClient client;

  /**
   * Counts what OkHttp reports: responses received and closed, connections taken and given back.
   */
  private static final class Events extends EventListener {
    final AtomicInteger responses = new AtomicInteger();
    final AtomicInteger bodiesClosed = new AtomicInteger();
    final AtomicInteger acquired = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    final AtomicInteger callsStarted = new AtomicInteger();
    final AtomicInteger callsEnded = new AtomicInteger();

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      responses.incrementAndGet();
    }

    @Override
    public void responseBodyEnd(Call call, long byteCount) {
      bodiesClosed.incrementAndGet();
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
      acquired.incrementAndGet();
    }

    @Override
    public void connectionReleased(Call call, Connection connection) {
      released.incrementAndGet();
    }

    @Override
    public void callStart(Call call) {
      callsStarted.incrementAndGet();
    }

    @Override
    public void callEnd(Call call) {
      callsEnded.incrementAndGet();
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
      callsEnded.incrementAndGet();
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
    OkHttpClient base =
        new OkHttpClient.Builder().connectionPool(pool).eventListener(events).build();
    client =
        Fixtures.client(server, new RecordingSleeper(), new MutableClock(NOW))
            .okHttpClient(base)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private void assertEveryResponseClosed(int expectedResponses) {
    assertThat(events.responses).hasValue(expectedResponses);
    assertThat(events.bodiesClosed).hasValue(expectedResponses);
    assertThat(events.released).hasValue(events.acquired.get());
    assertThat(events.callsEnded).hasValue(events.callsStarted.get());
    assertThat(pool.connectionCount()).isPositive();
    assertThat(pool.idleConnectionCount()).isEqualTo(pool.connectionCount());
  }

  @Test
  void closesEveryRetriedResponseOfAListing() {
    server.enqueue(
        status(500).setBody("{\"code\": 800002, \"description\": \"Unexpected error.\"}"));
    server.enqueue(
        status(429)
            .setHeader("Retry-After", "1")
            .setBody("{\"statusCode\": 429, \"message\": \"Slow down.\"}"));
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(status(503).setBody("busy"));
    server.enqueue(status(401));
    server.enqueue(status(204).setHeader("Retry-After", "1"));
    server.enqueue(json(lastPage("b")));

    assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()))).containsExactly("a", "b");

    assertEveryResponseClosed(7);
  }

  @Test
  void closesTheResponsesOfAFailedListing() {
    server.enqueue(status(500));
    server.enqueue(
        status(404).setBody("{\"code\": 20003, \"description\": \"Subscription not found.\"}"));

    thrown(
        NotFoundException.class, () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));

    assertEveryResponseClosed(2);
  }

  @Test
  void closesTheResponsesOfAFailedUsageSummary() {
    server.enqueue(status(429).setHeader("Retry-After", "1"));
    server.enqueue(
        status(404).setBody("{\"code\": 20003, \"description\": \"Subscription not found.\"}"));

    thrown(NotFoundException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));

    assertEveryResponseClosed(2);
  }
}
