package io.github.pcusage.properties;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A MockWebServer on 127.0.0.1 that answers every request with the current body (by default an
 * empty last page, or an empty usage summary for {@code /usagesummary}) and records the requests.
 */
final class EchoServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final AtomicReference<MockResponse> next = new AtomicReference<>();

  EchoServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse response = next.get();
            if (response != null) {
              return response.clone();
            }
            String path =
                request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
            String body =
                path.endsWith("/usagesummary")
                    ? "{\"resourceId\":\"r\"}"
                    : "{\"totalCount\":0,\"items\":[]}";
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
          }
        });
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /**
   * Server sockets whose connections send at once (TCP_NODELAY): MockWebServer writes headers and
   * body separately, and with Nagle's algorithm every answer would wait ~40 ms for a delayed ACK.
   */
  static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException();
    }
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  /**
   * Answers every request from now on with {@code body} (raw bytes: invalid UTF-8 stays invalid).
   */
  void answer(byte[] body) {
    next.set(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(new Buffer().write(body)));
  }

  void answer(MockResponse response) {
    next.set(response);
  }

  /** Takes the next recorded request, failing if none arrives within 5 s. */
  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the server");
    }
    return request;
  }

  /** Drops recorded requests left from earlier cases. */
  void drain() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // discard
    }
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
