package io.github.pcusage.reliability;

import io.github.pcusage.AccessToken;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * An identity-checking gateway in front of the sandbox, on loopback: it accepts only tokens it
 * issued (through {@link #tokenProvider}) that have not expired on a shared test clock and have not
 * been revoked, answers {@code 401} like Partner Center's front door otherwise, and forwards every
 * accepted request to the sandbox byte for byte.
 *
 * <p>Every request moves the clock by {@code tick}, so a token of lifetime {@code n x tick} expires
 * after about n requests, in the middle of a listing. With {@code revokeRate > 0} that share of
 * requests is refused and their token revoked (a token the identity provider withdrew).
 */
final class TokenGateway implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient upstream =
      new OkHttpClient.Builder().followRedirects(false).readTimeout(30, TimeUnit.SECONDS).build();
  private final String sandboxBase;
  private final MutableClock clock;
  private final Duration tick;
  private final double revokeRate;
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final AtomicLong minted = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  TokenGateway(String sandboxBase, MutableClock clock, Duration tick, double revokeRate)
      throws IOException {
    this.sandboxBase = sandboxBase;
    this.clock = clock;
    this.tick = tick;
    this.revokeRate = revokeRate;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        });
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /** The gateway's base URL, to give the client instead of the sandbox's. */
  String baseUrl() {
    return server.url("/").toString();
  }

  /** A provider of fresh tokens, each valid for {@code lifetime} of the test clock. */
  TokenProvider tokenProvider(Duration lifetime) {
    return () -> {
      String token = "gw-token-" + minted.incrementAndGet();
      Instant expiresAt = clock.instant().plus(lifetime);
      issued.put(token, expiresAt);
      return AccessToken.of(token, expiresAt);
    };
  }

  long tokensMinted() {
    return minted.get();
  }

  long rejected() {
    return rejected.get();
  }

  long requests() {
    return requests.get();
  }

  private MockResponse handle(RecordedRequest request) {
    long n = requests.incrementAndGet();
    clock.advance(tick);
    String authorization = request.getHeader("Authorization");
    String token =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring(7)
            : "";
    Instant expiresAt = issued.get(token);
    if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
      return unauthorized("The access token is expired or was not issued here.");
    }
    if (revokeRate > 0 && draw(n) < revokeRate) {
      issued.remove(token);
      return unauthorized("The access token was revoked.");
    }
    try {
      return forward(request);
    } catch (IOException e) {
      return new MockResponse()
          .setResponseCode(502)
          .setBody("{\"code\":502,\"description\":\"gateway\"}");
    }
  }

  private MockResponse unauthorized(String description) {
    rejected.incrementAndGet();
    return new MockResponse()
        .setResponseCode(401)
        .setHeader("WWW-Authenticate", "Bearer")
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"code\":\"900420\",\"description\":\""
                + description
                + "\",\"data\":[],\"source\":\"PartnerFD\"}");
  }

  private MockResponse forward(RecordedRequest in) throws IOException {
    Request.Builder out = new Request.Builder().url(sandboxBase + in.getPath());
    Headers headers = in.getHeaders();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (!name.equalsIgnoreCase("Host")
          && !name.equalsIgnoreCase("Content-Length")
          && !name.equalsIgnoreCase("Connection")
          && !name.equalsIgnoreCase("Accept-Encoding")) {
        out.addHeader(name, headers.value(i));
      }
    }
    try (Response response = upstream.newCall(out.build()).execute()) {
      MockResponse reply = new MockResponse().setResponseCode(response.code());
      Headers back = response.headers();
      for (int i = 0; i < back.size(); i++) {
        String name = back.name(i);
        if (!name.equalsIgnoreCase("Content-Length")
            && !name.equalsIgnoreCase("Transfer-Encoding")
            && !name.equalsIgnoreCase("Connection")
            && !name.equalsIgnoreCase("Date")) {
          reply.addHeader(name, back.value(i));
        }
      }
      if (response.body() != null && response.code() != 204) {
        reply.setBody(new Buffer().write(response.body().bytes()));
      }
      return reply;
    }
  }

  /** A reproducible draw in [0, 1) for the n-th request. */
  private static double draw(long n) {
    long x = n * 0x9E3779B97F4A7C15L;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 29;
    return (x >>> 11) * 0x1.0p-53;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
    upstream.dispatcher().executorService().shutdown();
    upstream.connectionPool().evictAll();
  }
}
