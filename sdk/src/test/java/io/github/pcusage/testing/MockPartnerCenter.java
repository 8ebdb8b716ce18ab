package io.github.pcusage.testing;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Partner Center on MockWebServer (IPv4 loopback), started before each test and shut down after
 * it, with a {@link RecordingSleeper} and a {@link MutableClock}, and a client builder pointed at
 * it. Register it as a field:
 *
 * <pre>{@code
 * @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();
 *
 * @Test void retries() {
 *   pc.enqueue(new MockResponse().setResponseCode(503), new MockResponse().setBody(json));
 *   try (PartnerCenterClient client = pc.client().build()) { ... }
 *   assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(1));
 *   assertThat(pc.takeRequest().getHeader("MS-RequestId")).isNotNull();
 * }
 * }</pre>
 */
public final class MockPartnerCenter implements BeforeEachCallback, AfterEachCallback {
  /** The token every client of {@link #client()} sends. */
  public static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fixed-bearer-token";

  /** The instant the clock shows until a test moves it. */
  public static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

  /** The retry policy of every client of {@link #client()}: exact delays, no jitter. */
  public static final RetryPolicy RETRY_POLICY = RetryPolicy.builder().jitter(0).build();

  private MockWebServer server;
  private RecordingSleeper sleeper;
  private MutableClock clock;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    sleeper = new RecordingSleeper();
    clock = new MutableClock(NOW);
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.shutdown();
  }

  /**
   * Returns the server of the running test.
   *
   * @return the server
   */
  public MockWebServer server() {
    return server;
  }

  /**
   * Returns the sleeper every client of {@link #client()} waits with.
   *
   * @return the sleeper
   */
  public RecordingSleeper sleeper() {
    return sleeper;
  }

  /**
   * Returns the clock every client of {@link #client()} reads.
   *
   * @return the clock
   */
  public MutableClock clock() {
    return clock;
  }

  /**
   * Returns a builder of a client of the server: a fixed token, retries with exact delays (no
   * jitter: 4 attempts, 1 s, 2 s, 4 s), the sleeper and the clock.
   *
   * @return a builder
   */
  public PartnerCenterClient.Builder client() {
    return PartnerCenterClient.builder()
        .baseUrl(server.url("/").toString())
        .tokenProvider(TokenProvider.of(TOKEN))
        .retryPolicy(RETRY_POLICY)
        .sleeper(sleeper)
        .clock(clock);
  }

  /**
   * Queues responses, served in order, one a request.
   *
   * @param responses the responses
   */
  public void enqueue(MockResponse... responses) {
    for (MockResponse response : responses) {
      server.enqueue(response);
    }
  }

  /**
   * Takes the next request the server received, failing after 5 s rather than blocking forever.
   *
   * @return the request
   * @throws InterruptedException if interrupted while waiting
   */
  public RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server received no further request");
    }
    return request;
  }

  /**
   * Takes every request received and not yet taken, without waiting: call it once the calls that
   * sent them have returned.
   *
   * @return the requests, in the order received
   * @throws InterruptedException if interrupted
   */
  public List<RecordedRequest> takeAll() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }
}
