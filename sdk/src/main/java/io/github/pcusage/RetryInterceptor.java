package io.github.pcusage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second interceptor: retries one logical call under the {@link RetryPolicy}. Retries {@code 429},
 * {@code 500}, {@code 502}, {@code 503}, {@code 504} and I/O failures, obeying {@code Retry-After}
 * (clamped) or backing off exponentially with jitter; closes every response it retries. A
 * successful body is read in full here, within the size limit, so that a connection reset or a
 * truncated body is retried like any other I/O failure; it is read into reused chunks ({@link
 * BodyArrays}), given back when the body is closed.
 */
final class RetryInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.pcusage.http");

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final long maxResponseBytes;
  private final Random random;

  RetryInterceptor(
      RetryPolicy policy, Sleeper sleeper, Clock clock, long maxResponseBytes, Random random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.maxResponseBytes = maxResponseBytes;
    this.random = random;
  }

  static boolean isRetryableStatus(int code) {
    return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallState state = request.tag(CallState.class);
    for (int attempt = 1; ; attempt++) {
      if (state != null) {
        state.attempt = attempt;
      }
      Response response;
      try {
        response = chain.proceed(request);
      } catch (TokenUnavailableException | BodyTooLargeException e) {
        throw e;
      } catch (IOException e) {
        if (chain.call().isCanceled() || attempt >= policy.maxAttempts()) {
          throw new RetriesExhaustedException(attempt, e);
        }
        sleep(
            jittered(policy.backoff(attempt)),
            request,
            attempt,
            RetriesExhaustedException.describe(e));
        continue;
      }
      int code = response.code();
      if (isRetryableStatus(code) && attempt < policy.maxAttempts()) {
        Duration retryAfter = RetryAfter.parse(response.header(HeaderNames.RETRY_AFTER), clock);
        Duration delay =
            retryAfter != null
                ? RetryAfter.clamp(retryAfter, policy.maxRetryAfter())
                : jittered(policy.backoff(attempt));
        response.close();
        sleep(delay, request, attempt, "HTTP " + code);
        continue;
      }
      if (!response.isSuccessful() || response.body() == null) {
        return response;
      }
      try {
        return bufferBody(response, chain);
      } catch (BodyTooLargeException e) {
        throw e;
      } catch (IOException e) {
        response.close();
        if (chain.call().isCanceled() || attempt >= policy.maxAttempts()) {
          throw new RetriesExhaustedException(attempt, e);
        }
        sleep(
            jittered(policy.backoff(attempt)),
            request,
            attempt,
            RetriesExhaustedException.describe(e));
      }
    }
  }

  private Response bufferBody(Response response, Chain chain) throws IOException {
    ResponseBody body = response.body();
    long declared = body.contentLength();
    if (declared > maxResponseBytes) {
      // Cancel first: closing an unfinished body would otherwise read on to reuse the connection.
      chain.call().cancel();
      response.close();
      throw new BodyTooLargeException(maxResponseBytes);
    }
    BodyArrays.Filled filled;
    try (BufferedSource source = body.source()) {
      filled = BodyArrays.readAll(source, maxResponseBytes);
      if (filled == null) {
        chain.call().cancel();
        throw new BodyTooLargeException(maxResponseBytes);
      }
    }
    return response.newBuilder().body(filled.body(body.contentType())).build();
  }

  private Duration jittered(Duration base) {
    double jitter = policy.jitter();
    if (jitter == 0 || base.isZero()) {
      return base;
    }
    double factor = 1 - jitter + 2 * jitter * random.nextDouble();
    return Duration.ofMillis(Math.round(base.toMillis() * factor));
  }

  private void sleep(Duration delay, Request request, int attempt, String reason)
      throws IOException {
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
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
