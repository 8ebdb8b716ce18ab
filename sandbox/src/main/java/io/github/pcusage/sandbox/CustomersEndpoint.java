package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/customers}: the data set's customers, seek-paged. A first page takes {@code size}
 * (1 to 500; absent or 0: 500) and {@code filter} ({@code {"Field":"CompanyName"|"Domain",
 * "Value":"prefix","Operator":"starts_with"}}, URL-encoded); a page with more after it carries a
 * top-level {@code continuationToken} and {@code links.next} ({@code
 * customers?size=N&seekOperation= Next} in the sandbox's next-link form, the token as its {@code
 * MS-ContinuationToken} header). A follow-up sends {@code seekOperation} or {@code seek_operation},
 * {@code Next} in any case, and the header; the token holds the listing's state (filter, size,
 * position), other parameters are ignored.
 */
final class CustomersEndpoint {
  private final Dataset dataset;
  private final Scenarios scenarios;
  private final CustomerTokens tokens;
  private final DirectoryWriter writer;
  private final Replies replies;
  private final NextLinkStyle style;
  private final boolean endWithCode2000;
  private final JsonFactory json;

  CustomersEndpoint(
      Dataset dataset,
      Scenarios scenarios,
      CustomerTokens tokens,
      WireWriter writer,
      Replies replies,
      NextLinkStyle style,
      boolean endWithCode2000) {
    this.dataset = dataset;
    this.scenarios = scenarios;
    this.tokens = tokens;
    this.writer = writer.directory();
    this.replies = replies;
    this.style = style;
    this.endWithCode2000 = endWithCode2000;
    this.json = writer.factory();
  }

  Reply handle(ApiRequest request) {
    PairState state = scenarios.customerList();
    if (state != null && PairState.take(state.failing)) {
      return replies.operationFailure(state.failStatus, state.retryAfterDate, false);
    }
    CustomerQuery query;
    try {
      query = request.followUp() ? followUp(request) : firstPage(request);
    } catch (IllegalArgumentException e) {
      return replies.error(ApiError.invalidInput(e.getMessage()));
    }
    List<Customer> matched = new ArrayList<>();
    for (Customer customer : dataset.customers()) {
      if (query.matches(customer)) {
        matched.add(customer);
      }
    }
    if (query.offset() > 0 && query.offset() >= matched.size() && endWithCode2000) {
      return replies.error(ApiError.endOfListing());
    }
    int from = Math.min(query.offset(), matched.size());
    int to = Math.min(matched.size(), from + query.size());
    boolean more = to < matched.size() || (endWithCode2000 && to > from);
    String token = more ? tokens.encode(query.next()) : null;
    String nextUri =
        more ? style.apply("customers?size=" + query.size() + "&seekOperation=Next") : null;
    String selfUri;
    String selfToken = null;
    if (request.followUp()) {
      selfUri = "customers?size=" + query.size() + "&seekOperation=Next";
      selfToken = tokens.encode(query);
    } else {
      String filter = request.query.get("filter");
      selfUri =
          "customers?size="
              + query.size()
              + (filter == null
                  ? ""
                  : "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    }
    return Reply.ok(
        writer.customers(matched.subList(from, to), selfUri, nextUri, token, selfToken));
  }

  private CustomerQuery followUp(ApiRequest request) {
    String seek = request.seekOperation();
    if (!"Next".equalsIgnoreCase(seek)) {
      throw new IllegalArgumentException("seekOperation must be Next: " + seek);
    }
    String token = request.continuationToken;
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException(
          "seekOperation=Next needs the MS-ContinuationToken header of the previous page.");
    }
    return tokens.decode(token);
  }

  private CustomerQuery firstPage(ApiRequest request) {
    int size = size(request.query.get("size"));
    String filter = request.query.get("filter");
    if (filter == null) {
      return new CustomerQuery(null, null, size, 0);
    }
    String[] parsed = parseFilter(filter);
    CustomerQuery.Field field = CustomerQuery.Field.parse(parsed[0]);
    if (field == null) {
      throw new IllegalArgumentException(
          "filter Field must be CompanyName, Domain, IndirectReseller or"
              + " IndirectCloudSolutionProvider: "
              + parsed[0]);
    }
    if (!"starts_with".equalsIgnoreCase(parsed[2])) {
      throw new IllegalArgumentException("filter Operator must be starts_with: " + parsed[2]);
    }
    return new CustomerQuery(field, parsed[1], size, 0);
  }

  /** Reads {@code {"Field": ..., "Value": ..., "Operator": ...}} (names in any case). */
  private String[] parseFilter(String filter) {
    String[] fields = new String[3];
    try (JsonParser parser = json.createParser(filter)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("filter must be a JSON object: " + filter);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.getCurrentName().toLowerCase(Locale.ROOT);
        JsonToken value = parser.nextToken();
        int index = name.equals("field") ? 0 : name.equals("value") ? 1 : 2;
        if (!name.equals("field") && !name.equals("value") && !name.equals("operator")) {
          throw new IllegalArgumentException("filter has an unknown member: " + name);
        }
        if (value != JsonToken.VALUE_STRING) {
          throw new IllegalArgumentException("filter member " + name + " must be a string");
        }
        fields[index] = parser.getText();
      }
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("filter must be one JSON object: " + filter);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("filter is not valid JSON: " + filter, e);
    }
    if (fields[0] == null || fields[1] == null || fields[2] == null) {
      throw new IllegalArgumentException("filter needs Field, Value and Operator: " + filter);
    }
    return fields;
  }

  private static int size(String value) {
    if (value == null) {
      return CustomerQuery.MAX_SIZE;
    }
    int size;
    try {
      size = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size must be an integer from 1 to 500: " + value);
    }
    if (size == 0) {
      return CustomerQuery.MAX_SIZE; // size=0: the server's default, as sent with filters
    }
    if (size < 1 || size > CustomerQuery.MAX_SIZE) {
      throw new IllegalArgumentException("size must be an integer from 1 to 500: " + value);
    }
    return size;
  }
}
