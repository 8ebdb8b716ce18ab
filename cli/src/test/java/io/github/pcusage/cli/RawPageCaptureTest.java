package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawPageCaptureTest {
  static final String PAGE = "{\"items\":[{\"quantity\":1.50}]}";

  HttpServer server;
  RawPageCapture capture = new RawPageCapture(2);
  OkHttpClient http = new OkHttpClient.Builder().addInterceptor(capture).build();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int status = exchange.getRequestURI().getPath().contains("fail") ? 500 : 200;
          byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
          String echo = exchange.getRequestHeaders().getFirst("MS-RequestId");
          if (echo != null && !echo.startsWith("no-echo")) {
            exchange.getResponseHeaders().add("MS-RequestId", echo);
          }
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void keepsAUtilizationPageReadToItsEndUnderItsRequestIdOnce() throws IOException {
    assertThat(get("/v1/customers/c/subscriptions/s/utilizations/azure", "r1", true))
        .isEqualTo(PAGE);

    assertThat(capture.take("r1").toString(StandardCharsets.UTF_8)).isEqualTo(PAGE);
    assertThat(capture.take("r1")).isNull();
  }

  @Test
  void keysByTheRequestsIdWhenTheServiceEchoesNone() throws IOException {
    get("/v1/customers/c/subscriptions/s/utilizations/azure", "no-echo-1", true);

    assertThat(capture.take("no-echo-1").toString(StandardCharsets.UTF_8)).isEqualTo(PAGE);
  }

  @Test
  void keepsNothingOfABodyNotReadToItsEndOfAFailureOrOfAnotherOperation() throws IOException {
    get("/v1/customers/c/subscriptions/s/utilizations/azure", "unread", false);
    get("/v1/customers/c/subscriptions/s/utilizations/azure/fail", "failed", true);
    get("/v1/customers/c/subscriptions/s/usagesummary", "summary", true);

    assertThat(capture.size()).isZero();
  }

  @Test
  void reusesAReleasedCopyForTheNextPageHoldingOnlyThatPage() throws IOException {
    get("/v1/customers/c/subscriptions/s/utilizations/azure", "first", true);
    PageBuffer first = capture.take("first");
    first.write('x'); // what a released array held must not leak into the next page
    capture.release(first);

    get("/v1/customers/c/subscriptions/s/utilizations/azure", "second", true);
    PageBuffer second = capture.take("second");

    assertThat(second).isSameAs(first);
    assertThat(second.toString(StandardCharsets.UTF_8)).isEqualTo(PAGE);
  }

  @Test
  void keepsAtMostMaxPagesDroppingTheOldest() throws IOException {
    for (String id : new String[] {"a", "b", "c"}) {
      get("/v1/customers/c/subscriptions/s/utilizations/azure", id, true);
    }

    assertThat(capture.size()).isEqualTo(2);
    assertThat(capture.take("a")).isNull();
    assertThat(capture.take("c")).isNotNull();
  }

  private String get(String path, String requestId, boolean read) throws IOException {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + server.getAddress().getPort() + path)
            .header("MS-RequestId", requestId)
            .build();
    try (Response response = http.newCall(request).execute()) {
      return read ? response.body().string() : null;
    }
  }
}
