package io.github.pcusage.internal.http;

import io.github.pcusage.BadRequestException;
import io.github.pcusage.Continuation;
import io.github.pcusage.DataNotReadyException;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.InvalidResponseException;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.ServerException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.TransportException;
import io.github.pcusage.UnauthorizedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import okio.Buffer;

/** The one place that turns failed responses and failed calls into typed exceptions. */
public final class ErrorMapper {
  static final int RAW_BODY_LIMIT = 4096;
  private static final long ERROR_BODY_READ_LIMIT = 64 * 1024;

  private final Clock clock;

  /**
   * @param clock the clock that HTTP-date {@code Retry-After} values are measured against
   */
  public ErrorMapper(Clock clock) {
    this.clock = clock;
  }

  /**
   * Maps an HTTP error response (not 2xx). Reads and closes {@code errorBody}. The ids echoed by
   * the service win; the ones sent stand in when it echoes none (gateways often do not).
   */
  PartnerCenterException fromResponse(
      CallSpec<?> call, int status, Headers headers, ResponseBody errorBody) {
    String requestId = headerOr(headers, HeaderNames.REQUEST_ID, call.requestId());
    String correlationId = headerOr(headers, HeaderNames.CORRELATION_ID, call.correlationId());
    Duration retryAfter =
        RetryStrategy.parseRetryAfter(headers.get(HeaderNames.RETRY_AFTER), clock);
    PartnerCenterException.Builder failure =
        PartnerCenterException.builder()
            .statusCode(status)
            .requestId(requestId)
            .correlationId(correlationId)
            .continuation(call.position())
            .retryAfter(retryAfter);
    String body = readCapped(errorBody);
    String rawBody = null;
    ErrorBodies fields = ErrorBodies.NONE;
    if (body != null && !body.isEmpty()) {
      rawBody = body.length() > RAW_BODY_LIMIT ? body.substring(0, RAW_BODY_LIMIT) : body;
      fields = ErrorBodies.read(body);
      failure
          .rawBody(rawBody)
          .errorCode(fields.errorCode)
          .description(fields.description)
          .errorName(fields.errorName)
          .retryable(fields.retryable);
    }
    StringBuilder message =
        new StringBuilder(call.operation()).append(" failed: HTTP ").append(status);
    if (fields.errorCode != null) {
      message.append(", Partner Center code ").append(fields.errorCode);
    }
    if (fields.description != null) {
      message.append(": ").append(oneLine(fields.description));
    } else if (rawBody == null) {
      message.append(" (empty body)");
    }
    appendIds(message, requestId, correlationId);
    switch (status) {
      case 400:
        return new BadRequestException(failure.message(message.toString()));
      case 401:
        message.append(
            ". Check the token: its audience must be the Partner Center API and it must not be expired");
        return new UnauthorizedException(failure.message(message.toString()));
      case 403:
        message.append(
            ". The caller may not make this call; the usage summary needs an app+user token");
        return new ForbiddenException(failure.message(message.toString()));
      case 404:
        message.append(". Usual causes: ").append(call.notFoundCauses());
        return new NotFoundException(failure.message(message.toString()));
      case 429:
        if (retryAfter != null) {
          message.append(". Retry after ").append(retryAfter.getSeconds()).append(" s");
        }
        return new ThrottledException(failure.message(message.toString()));
      default:
        if (status >= 500) {
          return new ServerException(failure.message(message.toString()));
        }
        return new PartnerCenterException(failure.message(message.toString()));
    }
  }

  DataNotReadyException notReady(CallSpec<?> call, Headers headers, int attempts) {
    String requestId = headerOr(headers, HeaderNames.REQUEST_ID, call.requestId());
    String correlationId = headerOr(headers, HeaderNames.CORRELATION_ID, call.correlationId());
    Duration retryAfter =
        RetryStrategy.parseRetryAfter(headers.get(HeaderNames.RETRY_AFTER), clock);
    StringBuilder message =
        new StringBuilder(call.operation())
            .append(": the usage data is not ready yet (HTTP 204 No Content) after ")
            .append(attempts)
            .append(attempts == 1 ? " attempt" : " attempts");
    if (retryAfter != null) {
      message
          .append("; the service asks to retry after ")
          .append(retryAfter.getSeconds())
          .append(" s");
    }
    appendIds(message, requestId, correlationId);
    return new DataNotReadyException(
        PartnerCenterException.builder()
            .statusCode(204)
            .requestId(requestId)
            .correlationId(correlationId)
            .retryAfter(retryAfter)
            .continuation(call.position())
            .message(message.toString()));
  }

  PartnerCenterException fromIo(CallSpec<?> call, IOException e) {
    PartnerCenterException.Builder failure =
        PartnerCenterException.builder()
            .cause(e)
            .continuation(call.position())
            .requestId(call.requestId())
            .correlationId(call.correlationId());
    if (e instanceof TokenUnavailableException) {
      StringBuilder message =
          new StringBuilder(call.operation())
              .append(" failed: no access token: ")
              .append(describe(e.getCause()));
      appendIds(message, call.requestId(), call.correlationId());
      return new UnauthorizedException(failure.message(message.toString()));
    }
    StringBuilder message = new StringBuilder(call.operation()).append(" failed: ");
    if (e instanceof RetriesExhaustedException || e instanceof BodyTooLargeException) {
      message.append(e.getMessage());
    } else {
      message.append(describe(e));
    }
    appendIds(message, call.requestId(), call.correlationId());
    return new TransportException(failure.message(message.toString()));
  }

  InvalidResponseException invalidBody(CallSpec<?> call, Headers headers, BodyDecodingException e) {
    String requestId = headerOr(headers, HeaderNames.REQUEST_ID, call.requestId());
    String correlationId = headerOr(headers, HeaderNames.CORRELATION_ID, call.correlationId());
    StringBuilder message =
        new StringBuilder(call.operation())
            .append(" returned a body that is not valid for the API: ")
            .append(oneLine(String.valueOf(e.getMessage())))
            .append("; near: ")
            .append(oneLine(e.snippet));
    appendIds(message, requestId, correlationId);
    return new InvalidResponseException(
        PartnerCenterException.builder()
            .cause(e)
            .continuation(call.position())
            .requestId(requestId)
            .correlationId(correlationId)
            .message(message.toString()));
  }

  /**
   * Returns the exception that ends a listing whose paging went wrong (a foreign next link, a
   * repeated or missing continuation token, a next link on an unpaged collection).
   *
   * @param items what the listing lists, for example {@code customers}
   * @param problem what went wrong
   * @param requestId the request id of the page that carried the problem
   * @param correlationId the listing's correlation id
   * @param continuation where the listing stood, or {@code null}
   * @return the exception
   */
  public PagingException paging(
      String items,
      String problem,
      String requestId,
      String correlationId,
      Continuation continuation) {
    StringBuilder message =
        new StringBuilder("listing ").append(items).append(" stopped: ").append(problem);
    appendIds(message, requestId, correlationId);
    if (continuation != null) {
      message.append(". Resume from the exception's continuation() once the cause is fixed");
    }
    return new PagingException(
        PartnerCenterException.builder()
            .continuation(continuation)
            .requestId(requestId)
            .correlationId(correlationId)
            .message(message.toString()));
  }

  private static void appendIds(StringBuilder message, String requestId, String correlationId) {
    if (requestId != null || correlationId != null) {
      message
          .append(" [MS-RequestId ")
          .append(requestId)
          .append(", MS-CorrelationId ")
          .append(correlationId)
          .append(']');
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + oneLine(message));
  }

  private static String oneLine(String text) {
    String flat = text.replace('\r', ' ').replace('\n', ' ');
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }

  private static String headerOr(Headers headers, String name, String fallback) {
    String value = headers == null ? null : headers.get(name);
    return value != null ? value : fallback;
  }

  private static String readCapped(ResponseBody body) {
    if (body == null) {
      return null;
    }
    try (body) {
      Buffer buffer = new Buffer();
      long read;
      while ((read = body.source().read(buffer, 8192)) != -1
          && buffer.size() < ERROR_BODY_READ_LIMIT) {
        if (read == 0) {
          break;
        }
      }
      ByteOrderMark.skip(buffer);
      return buffer.readUtf8(Math.min(buffer.size(), ERROR_BODY_READ_LIMIT));
    } catch (IOException e) {
      return null;
    }
  }
}
