package io.github.pcusage.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one HTTP handler of the sandbox. Its steps, in order: echo or create the tracing headers,
 * wait the fixed latency, check the bearer token, route the path, check the method (and, when
 * strict, the query parameter names), draw a fault, answer from the operation, then send (applying
 * a body fault if one was drawn).
 */
final class SandboxHandler implements HttpHandler {
  /** The {@code MS-ServerId} of every answer. */
  static final String SERVER_ID = "pcusage-sandbox-01";

  private final String token;
  private final boolean rejectUnknownParameters;
  private final Duration latency;
  private final FaultInjector injector;
  private final FaultCounters counters;
  private final Replies replies;
  private final Endpoints endpoints;
  private final AtomicLong requests;

  SandboxHandler(
      String token,
      boolean rejectUnknownParameters,
      Duration latency,
      FaultInjector injector,
      FaultCounters counters,
      Replies replies,
      Endpoints endpoints,
      AtomicLong requests) {
    this.token = token;
    this.rejectUnknownParameters = rejectUnknownParameters;
    this.latency = latency;
    this.injector = injector;
    this.counters = counters;
    this.replies = replies;
    this.endpoints = endpoints;
    this.requests = requests;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try {
      Headers in = exchange.getRequestHeaders();
      Headers out = exchange.getResponseHeaders();
      out.set("MS-RequestId", orRandom(in.getFirst("MS-RequestId")));
      out.set("MS-CorrelationId", orRandom(in.getFirst("MS-CorrelationId")));
      String vector = in.getFirst("MS-CV");
      if (vector != null) {
        out.set("MS-CV", vector);
      }
      out.set("MS-ServerId", SERVER_ID);
      pause(latency);
      Reply reply;
      try {
        reply = respond(exchange);
      } catch (RuntimeException e) {
        reply = replies.error(ApiError.internal());
      }
      send(exchange, reply);
    } finally {
      exchange.close();
    }
  }

  private Reply respond(HttpExchange exchange) {
    Headers in = exchange.getRequestHeaders();
    Reply authFailure = authenticate(in.getFirst("Authorization"));
    if (authFailure != null) {
      return authFailure;
    }
    URI uri = exchange.getRequestURI();
    ApiRequest request;
    try {
      request =
          ApiRequest.route(
              uri.getRawPath(), uri.getRawQuery(), in.getFirst("MS-ContinuationToken"));
    } catch (IllegalArgumentException e) {
      return replies.error(ApiError.invalidInput("The request URI is not well encoded."));
    }
    if (request == null) {
      return replies.error(ApiError.unknownPath(uri.getRawPath()));
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      return replies.error(ApiError.methodNotAllowed(exchange.getRequestMethod()));
    }
    String unknown = rejectUnknownParameters ? request.unknownParameter() : null;
    if (unknown != null) {
      return replies.error(
          ApiError.invalidInput("The query parameter '" + unknown + "' is not supported."));
    }
    String key = uri.getRawPath() + '?' + request.rawQuery + '#' + request.continuationToken;
    Fault fault = injector.decide(key, request.followUp());
    Faults faults = injector.faults();
    if (fault != null) {
      switch (fault) {
        case THROTTLED:
          counters.increment(fault);
          return replies.throttled(faults.retryAfterSeconds(), false);
        case THROTTLED_HTTP_DATE:
          counters.increment(fault);
          return replies.throttled(faults.retryAfterSeconds(), true);
        case SERVER_ERROR:
          counters.increment(fault);
          return replies.error(ApiError.internal());
        case UNAVAILABLE:
          counters.increment(fault);
          return replies.error(ApiError.unavailable());
        case NEXT_PAGE_NOT_READY:
          counters.increment(fault);
          return replies.notReady(faults.retryAfterSeconds(), false);
        case NEXT_PAGE_NOT_READY_HTTP_DATE:
          counters.increment(fault);
          return replies.notReady(faults.retryAfterSeconds(), true);
        case SLOW:
          counters.increment(fault);
          pause(faults.slowDelay());
          break;
        default:
          break;
      }
    }
    Reply reply = endpoints.handle(request, in.getFirst("X-Locale"));
    if ((fault == Fault.CONNECTION_RESET || fault == Fault.TRUNCATED_BODY)
        && reply.status() == 200
        && reply.body() != null) {
      counters.increment(fault);
      reply = reply.withFault(fault);
    }
    return reply;
  }

  /**
   * Returns the 401 for a request without an accepted bearer token, or null when it has one: no
   * body when there is no bearer token at all (no header, another scheme, an empty token), the
   * {@code "900420"} error body when a token is presented but not accepted.
   */
  private Reply authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return replies.unauthenticated();
    }
    String presented = authorization.substring(7).trim();
    if (presented.isEmpty()) {
      return replies.unauthenticated();
    }
    if (token != null && !token.equals(presented)) {
      return replies.error(ApiError.invalidToken());
    }
    return null;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    Headers out = exchange.getResponseHeaders();
    if (reply.retryAfter() != null) {
      out.set("Retry-After", reply.retryAfter());
    }
    if (reply.status() == 401) {
      out.set("WWW-Authenticate", "Bearer");
    }
    byte[] body = reply.body();
    if (body == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    out.set("Content-Type", "application/json; charset=utf-8");
    if (reply.fault() == Fault.TRUNCATED_BODY) {
      int cut = body.length / 2;
      exchange.sendResponseHeaders(reply.status(), cut);
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body, 0, cut);
      }
      return;
    }
    exchange.sendResponseHeaders(reply.status(), body.length);
    OutputStream stream = exchange.getResponseBody();
    if (reply.fault() == Fault.CONNECTION_RESET) {
      // Half of the announced body, then the connection is dropped: closing the exchange short of
      // its Content-Length makes the server close the socket.
      stream.write(body, 0, body.length / 2);
      stream.flush();
      return;
    }
    stream.write(body);
    stream.close();
  }

  private static String orRandom(String value) {
    return value == null || value.isBlank() ? UUID.randomUUID().toString() : value;
  }

  /** Waits {@code duration}; an interrupt ends the wait early and is kept. */
  static void pause(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
