package io.github.pcusage;

import io.github.pcusage.api.UtilizationApi;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import io.github.pcusage.model.KeyValuePair;
import io.github.pcusage.model.Link;
import io.github.pcusage.model.ResourceLinks;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Fetches pages of one utilization listing. Each page request is one logical call with its own
 * {@code MS-RequestId} (its retries reuse it); every page of the listing shares one {@code
 * MS-CorrelationId}. Handles {@code 204} (data not ready) on the first page with the {@link
 * DataNotReadyPolicy} and on follow-up pages with the {@link RetryPolicy}, and retries a page whose
 * body arrived truncated.
 */
final class UtilizationPager implements PageFetcher<AzureUtilizationRecord> {
  private final UtilizationApi api;
  private final HttpUrl apiRoot;
  private final String customerId;
  private final String subscriptionId;
  private final UtilizationQuery query;
  private final String correlationId;
  private final RetryPolicy retryPolicy;
  private final DataNotReadyPolicy notReadyPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ErrorMapper errors;
  private final String operation;

  UtilizationPager(
      UtilizationApi api,
      HttpUrl apiRoot,
      String customerId,
      String subscriptionId,
      UtilizationQuery query,
      String correlationId,
      RetryPolicy retryPolicy,
      DataNotReadyPolicy notReadyPolicy,
      Sleeper sleeper,
      Clock clock,
      ErrorMapper errors) {
    this.api = api;
    this.apiRoot = apiRoot;
    this.customerId = customerId;
    this.subscriptionId = subscriptionId;
    this.query = query;
    this.correlationId = correlationId;
    this.retryPolicy = retryPolicy;
    this.notReadyPolicy = notReadyPolicy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.errors = errors;
    this.operation =
        "GET utilization records of customer " + customerId + ", subscription " + subscriptionId;
  }

  @Override
  public Continuation start() {
    return Continuation.firstPage(customerId, subscriptionId, correlationId, query);
  }

  @Override
  public void checkBelongs(Continuation continuation) {
    if (!continuation.customerId().equals(customerId)
        || !continuation.subscriptionId().equals(subscriptionId)) {
      throw new IllegalArgumentException(
          "continuation belongs to customer "
              + continuation.customerId()
              + ", subscription "
              + continuation.subscriptionId()
              + ", not to customer "
              + customerId
              + ", subscription "
              + subscriptionId);
    }
  }

  @Override
  public Page<AzureUtilizationRecord> fetch(Continuation position) {
    String listingCorrelation =
        position.correlationId() != null ? position.correlationId() : correlationId;
    String requestId = UUID.randomUUID().toString();
    boolean first = position.isFirstPage();
    int notReady = 0;
    int failedAttempts = 0;
    while (true) {
      Response<AzureUtilizationRecordCollection> response;
      try {
        response = call(position, requestId, listingCorrelation).execute();
      } catch (BodyDecodingException e) {
        failedAttempts++;
        if (e.truncated && failedAttempts < retryPolicy.maxAttempts()) {
          pause(
              retryPolicy.backoff(failedAttempts),
              retryPolicy.maxBackoff(),
              requestId,
              listingCorrelation,
              position);
          continue;
        }
        throw errors.fromIo(operation, e, requestId, listingCorrelation, position);
      } catch (IOException e) {
        throw errors.fromIo(operation, e, requestId, listingCorrelation, position);
      } catch (RuntimeException e) {
        throw errors.fromIo(operation, new IOException(e), requestId, listingCorrelation, position);
      }
      okhttp3.Headers headers = response.headers();
      if (response.code() == 204) {
        Duration retryAfter = RetryAfter.parse(headers.get(HeaderNames.RETRY_AFTER), clock);
        notReady++;
        if (first && notReady <= notReadyPolicy.maxRetries()) {
          Duration wait = retryAfter != null ? retryAfter : notReadyPolicy.defaultDelay();
          pause(wait, notReadyPolicy.maxDelay(), requestId, listingCorrelation, position);
          continue;
        }
        if (!first && notReady < retryPolicy.maxAttempts()) {
          Duration wait = retryAfter != null ? retryAfter : retryPolicy.backoff(notReady);
          pause(wait, retryPolicy.maxRetryAfter(), requestId, listingCorrelation, position);
          continue;
        }
        throw errors.notReady(
            operation, headers, retryAfter, notReady, requestId, listingCorrelation, position);
      }
      if (!response.isSuccessful()) {
        throw errors.fromResponse(
            operation,
            response.code(),
            headers,
            response.errorBody(),
            requestId,
            listingCorrelation,
            position);
      }
      AzureUtilizationRecordCollection body = response.body();
      if (body == null) {
        throw errors.invalid(
            operation, "HTTP " + response.code() + " with an empty body", headers, position);
      }
      Continuation next =
          nextOf(
              body.getLinks(),
              headerOr(headers.get(HeaderNames.REQUEST_ID), requestId),
              listingCorrelation,
              position);
      return new Page<>(
          body.getItems(),
          next,
          headerOr(headers.get(HeaderNames.REQUEST_ID), requestId),
          headerOr(headers.get(HeaderNames.CORRELATION_ID), listingCorrelation),
          headers.get(HeaderNames.SERVER_ID));
    }
  }

  private Call<AzureUtilizationRecordCollection> call(
      Continuation position, String requestId, String correlation) {
    if (position.isFirstPage()) {
      UtilizationQuery q = position.query();
      return api.listAzureUtilizations(
          customerId,
          subscriptionId,
          q.startTime(),
          q.endTime(),
          q.granularity(),
          q.showDetails(),
          q.pageSize(),
          null,
          requestId,
          correlation,
          null,
          null);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : position.headers()) {
      headers.put(header.getKey(), header.getValue());
    }
    headers.put(HeaderNames.REQUEST_ID, requestId);
    headers.put(HeaderNames.CORRELATION_ID, correlation);
    return api.listAzureUtilizationsNext(
        NextLinks.resolve(apiRoot, position.nextUri()).toString(), headers);
  }

  private Continuation nextOf(
      ResourceLinks links, String requestId, String correlation, Continuation position) {
    Link next = links == null ? null : links.getNext();
    if (next == null) {
      return null;
    }
    String uri;
    try {
      uri = NextLinks.normalise(apiRoot, next.getUri());
    } catch (IllegalArgumentException e) {
      throw errors.paging(e.getMessage(), requestId, correlation, position);
    }
    List<Map.Entry<String, String>> linkHeaders = new ArrayList<>();
    if (next.getHeaders() != null) {
      for (KeyValuePair pair : next.getHeaders()) {
        if (pair == null || pair.getKey() == null || pair.getKey().isBlank()) {
          continue;
        }
        String value = pair.getValue() == null ? "" : pair.getValue();
        if (!isSendable(pair.getKey(), value)) {
          throw errors.paging(
              "the next link's header "
                  + Ids.printable(pair.getKey())
                  + " holds characters that cannot be sent in an HTTP header",
              requestId,
              correlation,
              position);
        }
        linkHeaders.add(Map.entry(pair.getKey(), value));
      }
    }
    return Continuation.nextPage(customerId, subscriptionId, correlation, query, uri, linkHeaders);
  }

  private static boolean isSendable(String name, String value) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == ':') {
        return false;
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private void pause(
      Duration wait, Duration max, String requestId, String correlation, Continuation position) {
    try {
      sleeper.sleep(RetryAfter.clamp(wait, max));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while waiting to retry a page");
      interrupted.initCause(e);
      throw errors.fromIo(operation, interrupted, requestId, correlation, position);
    }
  }

  private static String headerOr(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
