package io.github.pcusage.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request routed to one of the operations: the decoded ids of its path in their canonical
 * (lower-case) form (null where the path has none), its query parameters (names lower-cased, first
 * value wins) and its raw continuation token.
 */
final class ApiRequest {
  /** The operation a path names. */
  enum Operation {
    UTILIZATION,
    USAGE_SUMMARY,
    CUSTOMERS,
    SUBSCRIPTIONS,
    RATE_CARD
  }

  /** The query parameters the utilization operation reads (first and follow-up pages). */
  private static final Set<String> UTILIZATION_PARAMETERS =
      Set.of("start_time", "end_time", "granularity", "show_details", "size", "seek_operation");

  /** The query parameters the customer listing reads; both spellings of the seek parameter. */
  private static final Set<String> CUSTOMER_PARAMETERS =
      Set.of("size", "filter", "seekoperation", "seek_operation");

  /** The query parameters the rate card reads. */
  private static final Set<String> RATE_CARD_PARAMETERS = Set.of("currency", "region");

  final Operation operation;
  final String customerId;
  final String subscriptionId;
  final String rawQuery;
  final Map<String, String> query;
  final String continuationToken;

  private ApiRequest(
      Operation operation,
      String customerId,
      String subscriptionId,
      String rawQuery,
      Map<String, String> query,
      String continuationToken) {
    this.operation = operation;
    this.customerId = customerId;
    this.subscriptionId = subscriptionId;
    this.rawQuery = rawQuery;
    this.query = query;
    this.continuationToken = continuationToken;
  }

  /**
   * Routes a raw path; returns null when it names no operation (wrong prefix, extra or missing
   * segments, empty ids, {@code /v1//v1/...}).
   *
   * @param rawPath the path as received, still percent-encoded
   * @param rawQuery the query as received, or null
   * @param continuationToken the {@code MS-ContinuationToken} header exactly as received, or null
   */
  static ApiRequest route(String rawPath, String rawQuery, String continuationToken) {
    String[] parts = rawPath.split("/", -1);
    if (parts.length < 3 || !parts[0].isEmpty() || !parts[1].equals("v1")) {
      return null;
    }
    Operation operation = operation(parts);
    if (operation == null) {
      return null;
    }
    boolean pair = operation == Operation.UTILIZATION || operation == Operation.USAGE_SUMMARY;
    return new ApiRequest(
        operation,
        parts.length >= 5 ? Dataset.canonical(decodePathSegment(parts[3])) : null,
        pair ? Dataset.canonical(decodePathSegment(parts[5])) : null,
        rawQuery == null ? "" : rawQuery,
        parseQuery(rawQuery),
        continuationToken);
  }

  private static Operation operation(String[] parts) {
    if (parts.length == 4
        && parts[2].equalsIgnoreCase("ratecards")
        && parts[3].equalsIgnoreCase("azure")) {
      return Operation.RATE_CARD;
    }
    if (!parts[2].equalsIgnoreCase("customers")) {
      return null;
    }
    if (parts.length == 3) {
      return Operation.CUSTOMERS;
    }
    if (parts.length < 5 || parts[3].isEmpty() || !parts[4].equalsIgnoreCase("subscriptions")) {
      return null;
    }
    if (parts.length == 5) {
      return Operation.SUBSCRIPTIONS;
    }
    if (parts.length < 7 || parts[5].isEmpty()) {
      return null;
    }
    if (parts.length == 8
        && parts[6].equalsIgnoreCase("utilizations")
        && parts[7].equalsIgnoreCase("azure")) {
      return Operation.UTILIZATION;
    }
    if (parts.length == 7 && parts[6].equalsIgnoreCase("usagesummary")) {
      return Operation.USAGE_SUMMARY;
    }
    return null;
  }

  /**
   * Returns the name of the first query parameter the operation does not read (any parameter of the
   * usage summary or the subscription list, which take none), or null when there is none. Names are
   * compared ignoring case, as values are read.
   */
  String unknownParameter() {
    Set<String> known;
    switch (operation) {
      case UTILIZATION:
        known = UTILIZATION_PARAMETERS;
        break;
      case CUSTOMERS:
        known = CUSTOMER_PARAMETERS;
        break;
      case RATE_CARD:
        known = RATE_CARD_PARAMETERS;
        break;
      default:
        known = Set.of();
    }
    for (String name : query.keySet()) {
      if (!known.contains(name)) {
        return name;
      }
    }
    return null;
  }

  /**
   * Returns whether the request asks for a follow-up page: {@code seek_operation} on utilization,
   * {@code seekOperation} or {@code seek_operation} (any case) on the customer listing.
   */
  boolean followUp() {
    return query.containsKey("seek_operation")
        || (operation == Operation.CUSTOMERS && query.containsKey("seekoperation"));
  }

  /** Returns the value of the customer listing's seek parameter, either spelling, or null. */
  String seekOperation() {
    String camel = query.get("seekoperation");
    return camel != null ? camel : query.get("seek_operation");
  }

  private static String decodePathSegment(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }
}
