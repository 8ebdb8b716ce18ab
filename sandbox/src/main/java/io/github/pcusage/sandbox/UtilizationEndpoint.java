package io.github.pcusage.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /v1/customers/{c}/subscriptions/{s}/utilizations/azure}: validates the query or the
 * continuation token, then serves one page of the listing from caches of listings and rendered
 * pages.
 */
final class UtilizationEndpoint {
  private static final int CACHED_VIEWS = 32;

  private final Dataset dataset;
  private final Scenarios scenarios;
  private final ContinuationTokens tokens;
  private final WireWriter writer;
  private final Replies replies;
  private final NextLinkStyle defaultStyle;
  private final BoundedCache<ViewKey, RecordView> views =
      new BoundedCache<>(CACHED_VIEWS, view -> 1);
  private final BoundedCache<PageKey, byte[]> pages;

  UtilizationEndpoint(
      Dataset dataset,
      Scenarios scenarios,
      ContinuationTokens tokens,
      WireWriter writer,
      Replies replies,
      NextLinkStyle defaultStyle,
      long pageCacheBytes) {
    this.dataset = dataset;
    this.scenarios = scenarios;
    this.tokens = tokens;
    this.writer = writer;
    this.replies = replies;
    this.defaultStyle = defaultStyle;
    this.pages = new BoundedCache<>(pageCacheBytes, bytes -> bytes.length);
  }

  Reply handle(ApiRequest request) {
    PageRequest page;
    try {
      page = request.followUp() ? followUp(request) : firstPage(request);
    } catch (IllegalArgumentException e) {
      return replies.error(ApiError.invalidInput(e.getMessage()));
    }
    PairState state = scenarios.state(request.customerId, request.subscriptionId);
    if (state == null && !dataset.contains(request.customerId, request.subscriptionId)) {
      SubscriptionKind kind = dataset.kind(request.customerId, request.subscriptionId);
      if (kind == SubscriptionKind.AZURE_PLAN) {
        return replies.error(ApiError.azurePlanNotFound(request.subscriptionId));
      }
      return replies.error(
          kind == null ? ApiError.subscriptionNotFound() : ApiError.notAnAzureSubscription());
    }
    if (state != null) {
      Reply preflight = preflight(state, request.followUp(), request.customerId);
      if (preflight != null) {
        return preflight;
      }
      if (state.azurePlan) {
        return replies.error(ApiError.azurePlanNotFound(request.subscriptionId));
      }
    }
    boolean empty = state != null && state.noUsage;
    int count =
        empty
            ? 0
            : state != null && state.records != null
                ? state.records
                : dataset.recordsPerSubscription();
    NextLinkStyle style =
        state != null && state.nextLinkStyle != null ? state.nextLinkStyle : defaultStyle;
    RecordStyle recordStyle = state != null ? state.recordStyle : RecordStyle.STANDARD;
    byte[] body = pages.get(new PageKey(page, count, style, recordStyle), key -> render(key));
    return Reply.ok(body);
  }

  private Reply preflight(PairState state, boolean followUp, String customerId) {
    if (PairState.take(state.failing)) {
      return replies.failure(state.failStatus, state.retryAfterDate, customerId);
    }
    if (PairState.take(state.notReady)) {
      return replies.notReady(1, state.retryAfterDate);
    }
    if (followUp && PairState.take(state.nextNotReady)) {
      return replies.notReady(1, state.retryAfterDate);
    }
    if (followUp && PairState.take(state.nextFailing)) {
      return replies.error(ApiError.internal());
    }
    return null;
  }

  private byte[] render(PageKey key) {
    PageRequest page = key.page();
    DataKey data = new DataKey(page.customerId(), page.subscriptionId(), key.count());
    RecordView view =
        views.get(
            new ViewKey(
                data,
                page.start().toInstant(),
                page.end().toInstant(),
                page.granularity(),
                page.showDetails()),
            k ->
                RecordView.of(
                    records(k.data()), k.start(), k.end(), k.granularity(), k.showDetails()));
    String base = basePath(page);
    String selfUri;
    String selfToken = null;
    if (page.offset() == 0) {
      // As the service echoes them: times in UTC with Z, Daily/Hourly and True/False.
      selfUri =
          base
              + "?start_time="
              + encode(Timestamps.formatUtc(page.start()))
              + "&end_time="
              + encode(Timestamps.formatUtc(page.end()))
              + "&granularity="
              + page.granularity().echo()
              + "&show_details="
              + (page.showDetails() ? "True" : "False")
              + "&size="
              + page.size();
    } else {
      selfUri = base + "?seek_operation=Next";
      selfToken = tokens.encode(page);
    }
    String nextUri = null;
    String nextToken = null;
    if (page.offset() + page.size() < view.size()) {
      nextUri = key.style().apply(base + "?seek_operation=Next");
      nextToken = tokens.encode(page.next());
    }
    return writer.page(view, page, selfUri, selfToken, nextUri, nextToken, key.recordStyle());
  }

  private List<UsageRecord> records(DataKey key) {
    return key.count() == 0
        ? List.of()
        : dataset.records(key.customerId(), key.subscriptionId(), key.count());
  }

  private PageRequest followUp(ApiRequest request) {
    String seek = request.query.get("seek_operation");
    if (!"Next".equalsIgnoreCase(seek)) {
      throw new IllegalArgumentException("seek_operation must be Next: " + seek);
    }
    String token = request.continuationToken;
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException(
          "seek_operation=Next needs the MS-ContinuationToken header of the previous page.");
    }
    PageRequest page = tokens.decode(token);
    if (!page.customerId().equals(request.customerId)
        || !page.subscriptionId().equals(request.subscriptionId)) {
      throw new IllegalArgumentException(
          "The continuation token was issued for another customer or subscription.");
    }
    return page;
  }

  private static PageRequest firstPage(ApiRequest request) {
    OffsetDateTime start = time(request, "start_time");
    OffsetDateTime end = time(request, "end_time");
    if (!start.toInstant().isBefore(end.toInstant())) {
      throw new IllegalArgumentException("start_time must be before end_time.");
    }
    String granularity = request.query.get("granularity");
    String details = request.query.get("show_details");
    boolean showDetails = true;
    if (details != null) {
      if (details.equalsIgnoreCase("false")) {
        showDetails = false;
      } else if (!details.equalsIgnoreCase("true")) {
        throw new IllegalArgumentException("show_details must be true or false: " + details);
      }
    }
    return new PageRequest(
        request.customerId,
        request.subscriptionId,
        start,
        end,
        granularity == null ? Granularity.DAILY : Granularity.parse(granularity),
        showDetails,
        size(request.query.get("size")),
        0);
  }

  private static OffsetDateTime time(ApiRequest request, String name) {
    String value = request.query.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("The " + name + " parameter is required.");
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      try {
        // An unencoded '+' of the offset arrives as a space.
        return OffsetDateTime.parse(value.replace(' ', '+'));
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(
            "The " + name + " parameter is not a valid ISO-8601 date-time with offset: " + value);
      }
    }
  }

  private static int size(String value) {
    if (value == null) {
      return PageRequest.MAX_SIZE;
    }
    int size;
    try {
      size = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size must be an integer from 1 to 1000: " + value);
    }
    if (size < 1 || size > PageRequest.MAX_SIZE) {
      throw new IllegalArgumentException("size must be an integer from 1 to 1000: " + value);
    }
    return size;
  }

  private static String basePath(PageRequest page) {
    return "customers/"
        + segment(page.customerId())
        + "/subscriptions/"
        + segment(page.subscriptionId())
        + "/utilizations/azure";
  }

  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The key of a rendered page. */
  private record PageKey(
      PageRequest page, int count, NextLinkStyle style, RecordStyle recordStyle) {}

  /** The key of a listing. */
  private record ViewKey(
      DataKey data, Instant start, Instant end, Granularity granularity, boolean showDetails) {}
}
