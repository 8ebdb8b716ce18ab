package io.github.pcusage.internal.http;

import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call of the client: the one retry loop, the shared throttle, reading the body in full
 * (within the size limit), decoding it, and mapping every failure to a typed exception.
 *
 * <p>Per attempt: wait (the retry delay and the shared throttle's pause, whichever is longer), send
 * through the OkHttp chain (tracking headers, auth, logging), then decide from what came back:
 *
 * <ul>
 *   <li>{@code 429}, {@code 500}, {@code 502}, {@code 503}, {@code 504}, an I/O failure, a body cut
 *       short of its {@code Content-Length} or a {@code 2xx} whose JSON stops before its top-level
 *       value closes, and a {@code 204} on a follow-up page: retried, as {@link RetryStrategy}
 *       decides, up to {@code RetryPolicy.maxAttempts()} attempts in all (a call may allow fewer
 *       retries of a read timeout: {@link CallSpec#readTimeout});
 *   <li>a {@code 204} on a first page or the usage summary: waited for under the {@code
 *       DataNotReadyPolicy};
 *   <li>a complete body that does not fit the schema: {@code InvalidResponseException}, not
 *       retried; any other status: the exception of its status, not retried.
 * </ul>
 *
 * A {@link RuntimeException} raised while calling or decoding (a programming error) propagates
 * unchanged; only I/O failures become a {@code TransportException}.
 */
public final class CallEngine {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.pcusage.http");

  private final OkHttpClient http;
  private final RetryStrategy retries;
  private final Throttle throttle;
  private final Sleeper sleeper;
  private final long maxResponseBytes;
  private final ErrorMapper errors;

  /**
   * @param http the OkHttp client with the SDK's interceptors
   * @param retries the retry decisions
   * @param throttle the pause shared by the client's calls, or {@link Throttle#none()}
   * @param sleeper how waits are made
   * @param maxResponseBytes the largest body accepted
   * @param errors the exception mapping
   */
  public CallEngine(
      OkHttpClient http,
      RetryStrategy retries,
      Throttle throttle,
      Sleeper sleeper,
      long maxResponseBytes,
      ErrorMapper errors) {
    this.http = http;
    this.retries = retries;
    this.throttle = throttle;
    this.sleeper = sleeper;
    this.maxResponseBytes = maxResponseBytes;
    this.errors = errors;
  }

  /**
   * Returns the exception mapping, for the failures a caller finds itself (paging).
   *
   * @return the error mapper
   */
  public ErrorMapper errors() {
    return errors;
  }

  /**
   * Runs {@code call} with every retry it is allowed.
   *
   * @param call the call
   * @param cancellation lets another thread stop the call
   * @param <T> the decoded type
   * @return the decoded response
   * @throws PartnerCenterException when the call fails
   */
  public <T> Received<T> execute(CallSpec<T> call, Cancellation cancellation) {
    Request request = call.request();
    int failures = 0;
    int timeouts = 0;
    int notReady = 0;
    Duration wait = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      pause(wait, call);
      if (cancellation.isCancelled()) {
        throw errors.fromIo(call, new InterruptedIOException("the call was cancelled"));
      }
      Call http =
          this.http.newCall(
              request
                  .newBuilder()
                  .tag(CallState.class, new CallState(attempt, call.readTimeout()))
                  .build());
      cancellation.attach(http);
      Response response;
      try {
        response = http.execute();
      } catch (TokenUnavailableException e) {
        throw errors.fromIo(call, e);
      } catch (IOException e) {
        timeouts += e instanceof SocketTimeoutException ? 1 : 0;
        wait =
            ioRetryDelay(
                call,
                http,
                ++failures,
                timeouts,
                attempt,
                e,
                RetriesExhaustedException.describe(e));
        continue;
      }
      int code = response.code();
      Headers headers = response.headers();
      if (RetryStrategy.isRetryableStatus(code)) {
        failures++;
        Duration delay = retries.delay(failures, headers);
        if (code == 429) {
          throttle.pauseFor(delay);
        }
        if (retries.mayRetry(failures)) {
          response.close();
          wait = delay;
          logRetry(request, wait, attempt, "HTTP " + code);
          continue;
        }
        throw errors.fromResponse(call, code, headers, response.body());
      }
      if (code == 204) {
        response.close();
        if (call.noContentRule() == CallSpec.NoContent.WAIT_FOR_DATA
            && retries.mayWaitForData(++notReady)) {
          wait = retries.dataNotReadyDelay(headers);
          logRetry(request, wait, attempt, "HTTP 204");
          continue;
        }
        if (call.noContentRule() == CallSpec.NoContent.RETRY) {
          failures++;
          if (retries.mayRetry(failures)) {
            wait = retries.delay(failures, headers);
            logRetry(request, wait, attempt, "HTTP 204");
            continue;
          }
          throw errors.notReady(call, headers, failures);
        }
        throw errors.notReady(call, headers, Math.max(1, notReady));
      }
      if (!response.isSuccessful()) {
        throw errors.fromResponse(call, code, headers, response.body());
      }
      BodyArrays.Filled body;
      try {
        body = readBody(http, response);
      } catch (BodyTooLargeException e) {
        throw errors.fromIo(call, e);
      } catch (IOException e) {
        timeouts += e instanceof SocketTimeoutException ? 1 : 0;
        wait =
            ioRetryDelay(
                call,
                http,
                ++failures,
                timeouts,
                attempt,
                e,
                RetriesExhaustedException.describe(e));
        continue;
      }
      boolean keep = false;
      try {
        T value = Decoding.decode(call.decoder(), body);
        keep = call.keepsBody();
        return new Received<>(
            value,
            headers,
            keep ? body : null,
            headerOr(headers, HeaderNames.REQUEST_ID, call.requestId()),
            headerOr(headers, HeaderNames.CORRELATION_ID, call.correlationId()));
      } catch (BodyDecodingException e) {
        if (!e.truncated) {
          throw errors.invalidBody(call, headers, e);
        }
        wait = ioRetryDelay(call, http, ++failures, timeouts, attempt, e, "a truncated body");
      } finally {
        if (!keep) {
          body.release();
        }
      }
    }
  }

  /**
   * Decides on an I/O failure (a failed exchange, a body cut short): returns the delay before the
   * next attempt, or throws when the call was cancelled, no attempt is left, or the call has timed
   * out more often than it may retry a timeout ({@code timeouts} so far, this one included).
   */
  private Duration ioRetryDelay(
      CallSpec<?> call,
      Call http,
      int failures,
      int timeouts,
      int attempt,
      IOException e,
      String reason) {
    if (http.isCanceled() || !retries.mayRetry(failures) || timeouts > call.timeoutRetries()) {
      throw errors.fromIo(call, new RetriesExhaustedException(failures, e));
    }
    Duration wait = retries.delay(failures, null);
    logRetry(call.request(), wait, attempt, reason);
    return wait;
  }

  private BodyArrays.Filled readBody(Call http, Response response) throws IOException {
    try (ResponseBody body = response.body()) {
      if (body.contentLength() > maxResponseBytes) {
        // Cancel first: closing an unfinished body would otherwise read on to reuse the connection.
        http.cancel();
        throw new BodyTooLargeException(maxResponseBytes);
      }
      BufferedSource source = body.source();
      BodyArrays.Filled filled = BodyArrays.readAll(source, maxResponseBytes);
      if (filled == null) {
        http.cancel();
        throw new BodyTooLargeException(maxResponseBytes);
      }
      return filled;
    }
  }

  private void pause(Duration wait, CallSpec<?> call) {
    Duration throttled = throttle.remaining();
    Duration longest = throttled.compareTo(wait) > 0 ? throttled : wait;
    if (longest.isZero()) {
      return;
    }
    if (longest == throttled && LOG.isDebugEnabled()) {
      LOG.debug(
          "throttled {} {} for {} request-id {}",
          call.request().method(),
          LoggingInterceptor.redactedPath(call.request().url()),
          longest,
          call.requestId());
    }
    try {
      sleeper.sleep(longest);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw errors.fromIo(call, interrupted);
    }
  }

  private static void logRetry(Request request, Duration delay, int attempt, String reason) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "retry {} {} after {} (attempt {} failed: {}) request-id {}",
          request.method(),
          LoggingInterceptor.redactedPath(request.url()),
          delay,
          attempt,
          reason,
          request.header(HeaderNames.REQUEST_ID));
    }
  }

  private static String headerOr(Headers headers, String name, String fallback) {
    String value = headers.get(name);
    return value != null ? value : fallback;
  }

  @Override
  public String toString() {
    return "CallEngine{" + retries + ", " + throttle + "}";
  }
}
