package io.github.pcusage.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.TransportException;
import io.github.pcusage.UtilizationQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/**
 * A page body larger than {@code maxResponseBytes} is refused with {@link TransportException}, with
 * or without a {@code Content-Length}, and never buffered whole: an endless body ends the call
 * after about the limit.
 */
class BodyLimitPropertyTest {
  private static final UtilizationQuery QUERY =
      UtilizationQuery.builder()
          .startTime(OffsetDateTime.parse("2026-10-01T00:00:00Z"))
          .endTime(OffsetDateTime.parse("2026-11-01T00:00:00Z"))
          .build();
  private static final String PAGE = "{\"totalCount\":0,\"items\":[]}";

  @Property(tries = 100)
  void bodiesAboveTheLimitAreRefusedAndOthersDecode(
      @ForAll @IntRange(min = 1024, max = 300_000) int limit,
      @ForAll @IntRange(min = -3000, max = 3000) int aroundLimit,
      @ForAll boolean chunked)
      throws Exception {
    int size = Math.max(PAGE.length(), limit + aroundLimit);
    Buffer body = new Buffer().writeUtf8(PAGE).writeUtf8(" ".repeat(size - PAGE.length()));
    try (EchoServer server = new EchoServer();
        PartnerCenterClient client =
            PartnerCenterClient.builder()
                .baseUrl(server.baseUrl())
                .tokenProvider(TokenProvider.of("t"))
                .maxResponseBytes(limit)
                .retryPolicy(RetryPolicy.none())
                .prefetch(false)
                .build()) {
      MockResponse response = new MockResponse().setHeader("Content-Type", "application/json");
      server.answer(chunked ? response.setChunkedBody(body, 4096) : response.setBody(body));
      Bounded.Outcome<Boolean> outcome =
          Bounded.run(() -> client.utilizations("c", "s", QUERY).iterator().hasNext(), 30);
      if (size <= limit) {
        assertThat(outcome.thrown())
            .as("a body of %d bytes under a limit of %d", size, limit)
            .isNull();
        Statistics.collect("within the limit");
      } else {
        assertThat(outcome.thrown())
            .as("a body of %d bytes over a limit of %d", size, limit)
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("larger than the limit");
        Statistics.collect("refused");
      }
    }
  }

  @Example
  void anEndlessBodyIsCutOffNearTheLimit() throws Exception {
    AtomicLong written = new AtomicLong();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread server = new Thread(() -> serveEndlessBody(listener, written), "endless-body");
      server.setDaemon(true);
      server.start();
      try (PartnerCenterClient client =
          PartnerCenterClient.builder()
              .baseUrl("http://127.0.0.1:" + listener.getLocalPort())
              .tokenProvider(TokenProvider.of("t"))
              .maxResponseBytes(1 << 20)
              .retryPolicy(RetryPolicy.none())
              .readTimeout(Duration.ofSeconds(10))
              .prefetch(false)
              .build()) {
        Bounded.Outcome<Boolean> outcome =
            Bounded.run(() -> client.utilizations("c", "s", QUERY).iterator().hasNext(), 30);
        assertThat(outcome.thrown())
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("larger than the limit");
      }
      server.join(10_000);
    }
    // The server kept writing until the client hung up: far less than unbounded, a little more than
    // the limit (what the socket buffers held when the client stopped reading).
    assertThat(written.get()).isGreaterThan(1 << 20).isLessThan(64L << 20);
  }

  private static void serveEndlessBody(ServerSocket listener, AtomicLong written) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      OutputStream out = socket.getOutputStream();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk =
          ("2000\r\n" + "{\"items\":[" + " ".repeat(8192 - 10) + "\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      while (written.get() < (1L << 30)) {
        out.write(chunk);
        written.addAndGet(8192);
      }
    } catch (IOException expected) {
      // The client closed the connection: what the test waits for.
    }
  }
}
