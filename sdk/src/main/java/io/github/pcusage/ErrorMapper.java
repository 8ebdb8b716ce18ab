package io.github.pcusage;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.ResponseBody;
import okio.Buffer;

/** The one place that turns failed responses and failed calls into typed exceptions. */
final class ErrorMapper {
  static final int RAW_BODY_LIMIT = 4096;
  private static final long ERROR_BODY_READ_LIMIT = 64 * 1024;

  private final Clock clock;

  ErrorMapper(Clock clock) {
    this.clock = clock;
  }

  /**
   * Maps an HTTP error response (not 2xx). Reads and closes {@code errorBody}. The ids echoed by
   * the service win; the ones sent stand in when it echoes none (gateways often do not).
   */
  PartnerCenterException fromResponse(
      String operation,
      int status,
      okhttp3.Headers headers,
      ResponseBody errorBody,
      String sentRequestId,
      String sentCorrelationId,
      Continuation continuation) {
    Failure failure = new Failure();
    failure.statusCode = status;
    failure.requestId = headerOr(headers, HeaderNames.REQUEST_ID, sentRequestId);
    failure.correlationId = headerOr(headers, HeaderNames.CORRELATION_ID, sentCorrelationId);
    failure.continuation = continuation;
    failure.retryAfter = RetryAfter.parse(headers.get(HeaderNames.RETRY_AFTER), clock);
    String body = readCapped(errorBody);
    if (body != null && !body.isEmpty()) {
      failure.rawBody = body.length() > RAW_BODY_LIMIT ? body.substring(0, RAW_BODY_LIMIT) : body;
      parseErrorBody(body, failure);
    }
    StringBuilder message = new StringBuilder(operation).append(" failed: HTTP ").append(status);
    if (failure.errorCode != null) {
      message.append(", Partner Center code ").append(failure.errorCode);
    }
    if (failure.description != null) {
      message.append(": ").append(oneLine(failure.description));
    } else if (failure.rawBody == null) {
      message.append(" (empty body)");
    }
    appendIds(message, failure);
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
        message.append(
            ". Usual causes: no relationship with the customer, a wrong subscription id, or an Azure"
                + " plan subscription, which the utilization endpoint does not serve");
        return new NotFoundException(failure.message(message.toString()));
      case 429:
        if (failure.retryAfter != null) {
          message.append(". Retry after ").append(failure.retryAfter.getSeconds()).append(" s");
        }
        return new ThrottledException(failure.message(message.toString()));
      default:
        if (status >= 500) {
          return new ServerException(failure.message(message.toString()));
        }
        return new PartnerCenterException(failure.message(message.toString()));
    }
  }

  DataNotReadyException notReady(
      String operation,
      okhttp3.Headers headers,
      Duration retryAfter,
      int attempts,
      String sentRequestId,
      String sentCorrelationId,
      Continuation continuation) {
    Failure failure = new Failure();
    failure.statusCode = 204;
    failure.requestId = headerOr(headers, HeaderNames.REQUEST_ID, sentRequestId);
    failure.correlationId = headerOr(headers, HeaderNames.CORRELATION_ID, sentCorrelationId);
    failure.retryAfter = retryAfter;
    failure.continuation = continuation;
    StringBuilder message =
        new StringBuilder(operation)
            .append(": the usage data is not ready yet (HTTP 204 No Content) after ")
            .append(attempts)
            .append(attempts == 1 ? " attempt" : " attempts");
    if (retryAfter != null) {
      message
          .append("; the service asks to retry after ")
          .append(retryAfter.getSeconds())
          .append(" s");
    }
    appendIds(message, failure);
    return new DataNotReadyException(failure.message(message.toString()));
  }

  PartnerCenterException fromIo(
      String operation,
      IOException e,
      String requestId,
      String correlationId,
      Continuation continuation) {
    Failure failure = new Failure().cause(e).continuation(continuation);
    failure.requestId = requestId;
    failure.correlationId = correlationId;
    if (e instanceof TokenUnavailableException) {
      StringBuilder message =
          new StringBuilder(operation)
              .append(" failed: no access token: ")
              .append(describe(e.getCause()));
      appendIds(message, failure);
      return new UnauthorizedException(failure.message(message.toString()));
    }
    if (e instanceof BodyDecodingException) {
      BodyDecodingException decoding = (BodyDecodingException) e;
      StringBuilder message =
          new StringBuilder(operation)
              .append(" returned a body that is not valid for the API: ")
              .append(oneLine(String.valueOf(e.getMessage())))
              .append("; near: ")
              .append(oneLine(decoding.snippet));
      appendIds(message, failure);
      return new InvalidResponseException(failure.message(message.toString()));
    }
    StringBuilder message = new StringBuilder(operation).append(" failed: ");
    if (e instanceof RetriesExhaustedException || e instanceof BodyTooLargeException) {
      message.append(e.getMessage());
    } else {
      message.append(describe(e));
    }
    appendIds(message, failure);
    return new TransportException(failure.message(message.toString()));
  }

  InvalidResponseException invalid(
      String operation, String problem, okhttp3.Headers headers, Continuation continuation) {
    Failure failure = new Failure().continuation(continuation);
    failure.requestId = headerOr(headers, HeaderNames.REQUEST_ID);
    failure.correlationId = headerOr(headers, HeaderNames.CORRELATION_ID);
    StringBuilder message = new StringBuilder(operation).append(": ").append(problem);
    appendIds(message, failure);
    return new InvalidResponseException(failure.message(message.toString()));
  }

  PagingException paging(
      String problem, String requestId, String correlationId, Continuation continuation) {
    Failure failure = new Failure().continuation(continuation);
    failure.requestId = requestId;
    failure.correlationId = correlationId;
    StringBuilder message =
        new StringBuilder("listing utilization records stopped: ").append(problem);
    appendIds(message, failure);
    if (continuation != null) {
      message.append(". Resume from the exception's continuation() once the cause is fixed");
    }
    return new PagingException(failure.message(message.toString()));
  }

  private static void appendIds(StringBuilder message, Failure failure) {
    if (failure.requestId != null || failure.correlationId != null) {
      message
          .append(" [MS-RequestId ")
          .append(failure.requestId)
          .append(", MS-CorrelationId ")
          .append(failure.correlationId)
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

  private static String headerOr(okhttp3.Headers headers, String name) {
    return headers == null ? null : headers.get(name);
  }

  private static String headerOr(okhttp3.Headers headers, String name, String fallback) {
    String value = headerOr(headers, name);
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
      return buffer.readUtf8(Math.min(buffer.size(), ERROR_BODY_READ_LIMIT));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Reads a Partner Center error ({@code code}, {@code description}, ...) or a throttling body
   * ({@code statusCode}, {@code message}) leniently: any missing field or non-JSON body is fine.
   */
  private static void parseErrorBody(String body, Failure failure) {
    String trimmed = body.trim();
    if (!trimmed.startsWith("{")) {
      return;
    }
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(trimmed))) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        JsonReader.Token token = reader.peek();
        boolean scalar =
            token == JsonReader.Token.STRING
                || token == JsonReader.Token.NUMBER
                || token == JsonReader.Token.BOOLEAN;
        if (!scalar) {
          reader.skipValue();
          continue;
        }
        switch (name) {
          case "code":
            failure.errorCode = scalarText(reader, token);
            break;
          case "description":
            failure.description = scalarText(reader, token);
            break;
          case "message":
            if (failure.description == null) {
              failure.description = scalarText(reader, token);
            } else {
              reader.skipValue();
            }
            break;
          case "errorName":
            failure.errorName = scalarText(reader, token);
            break;
          case "isRetryable":
            failure.retryable =
                token == JsonReader.Token.BOOLEAN
                    ? reader.nextBoolean()
                    : Boolean.valueOf(reader.nextString());
            break;
          default:
            reader.skipValue();
        }
      }
    } catch (IOException | RuntimeException notAnErrorBody) {
      // The raw body is kept; the fields read so far stay.
    }
  }

  private static String scalarText(JsonReader reader, JsonReader.Token token) throws IOException {
    return token == JsonReader.Token.BOOLEAN
        ? Boolean.toString(reader.nextBoolean())
        : reader.nextString();
  }
}
