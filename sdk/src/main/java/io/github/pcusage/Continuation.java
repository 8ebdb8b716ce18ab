package io.github.pcusage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a listing stands: enough to request the next page, in this process or another one.
 *
 * <p>{@link #encode()} gives a compact string and {@link #parse(String)} reads it back, so a
 * listing can be saved and resumed elsewhere with {@link PagedIterable#byPage(Continuation)}. The
 * string holds Partner Center's continuation token: store it like a credential (it is not one, but
 * it reveals where a listing stands) and never log it. {@link #toString()} is for logs: it leaves
 * the token and the next link's query out, and cannot be parsed.
 *
 * <pre>{@code
 * String saved = page.continuation().get().encode();
 * // ... later, perhaps in another process:
 * for (Page<AzureUtilizationRecord> page : records.byPage(Continuation.parse(saved))) { ... }
 * }</pre>
 *
 * <p>A continuation belongs to one listing: the utilization records of one customer's subscription,
 * or the partner's customers ({@link PartnerCenterClient#customers()}). Handing it to another
 * listing's {@code byPage} is an {@link IllegalArgumentException}.
 *
 * <p>Two continuations are equal when every field is: the listing (kind, customer, subscription,
 * query), its correlation id, the next link and its headers.
 */
public final class Continuation {
  /** The listing kinds; each writes its own code into the saved form (none for utilizations). */
  enum Kind {
    UTILIZATIONS("utilizations", null, "utilization records"),
    CUSTOMERS("customers", "cu", "customers");

    final String description;
    final String code;

    /** What the listing lists, in words for messages. */
    final String items;

    Kind(String description, String code, String items) {
      this.description = description;
      this.code = code;
      this.items = items;
    }
  }

  private final Kind kind;
  private final String customerId;
  private final String subscriptionId;
  private final String correlationId;
  private final UtilizationQuery query;
  private final CustomerQuery customerQuery;
  private final String nextUri;
  private final List<Map.Entry<String, String>> headers;

  Continuation(
      Kind kind,
      String customerId,
      String subscriptionId,
      String correlationId,
      UtilizationQuery query,
      CustomerQuery customerQuery,
      String nextUri,
      List<Map.Entry<String, String>> headers) {
    this.kind = kind;
    this.customerId = customerId;
    this.subscriptionId = subscriptionId;
    this.correlationId = correlationId;
    this.query = query;
    this.customerQuery = customerQuery;
    this.nextUri = nextUri;
    this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
  }

  static Continuation firstPage(
      String customerId, String subscriptionId, String correlationId, UtilizationQuery query) {
    return new Continuation(
        Kind.UTILIZATIONS, customerId, subscriptionId, correlationId, query, null, null, List.of());
  }

  /** The first page of the customer listing. */
  static Continuation firstCustomersPage(String correlationId, CustomerQuery query) {
    return new Continuation(
        Kind.CUSTOMERS, null, null, correlationId, null, query, null, List.of());
  }

  /** The continuation of the next page of the same listing. */
  Continuation next(String correlationId, String nextUri, List<Map.Entry<String, String>> headers) {
    return new Continuation(
        kind, customerId, subscriptionId, correlationId, query, customerQuery, nextUri, headers);
  }

  /**
   * Returns the customer id of the listing: the customer whose subscription's utilization records
   * are listed.
   *
   * @return the customer id, or {@code null} for the customer listing ({@link
   *     PartnerCenterClient#customers()}), which belongs to no customer
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the subscription id of the listing.
   *
   * @return the subscription id, or {@code null} for the customer listing
   */
  public String subscriptionId() {
    return subscriptionId;
  }

  /**
   * Returns whether this continuation starts the listing over from its first page (a listing that
   * failed before its first page arrived).
   *
   * @return true for the first page
   */
  public boolean isFirstPage() {
    return nextUri == null;
  }

  Kind kind() {
    return kind;
  }

  String correlationId() {
    return correlationId;
  }

  /** The utilization listing's query; null for another kind. */
  UtilizationQuery query() {
    return query;
  }

  /** The customer listing's query; null for another kind. */
  CustomerQuery customerQuery() {
    return customerQuery;
  }

  /** Describes the listing for messages, without secrets. */
  String listing() {
    return kind == Kind.CUSTOMERS
        ? "the customer listing"
        : "the utilization listing of customer " + customerId + ", subscription " + subscriptionId;
  }

  String nextUri() {
    return nextUri;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /**
   * Reads a continuation saved with {@link #encode()}, or with {@code toString()} by earlier
   * versions of the SDK (the same {@code pcu1.} form).
   *
   * @param text the saved continuation
   * @return the continuation
   * @throws IllegalArgumentException if the text is not a continuation written by this SDK, for
   *     example the redacted {@link #toString()} of one
   */
  public static Continuation parse(String text) {
    return ContinuationCodec.parse(Objects.requireNonNull(text, "text == null"));
  }

  /**
   * Returns this continuation as a compact string that {@link #parse(String)} reads back. It holds
   * the continuation token: store it like a credential and never log it.
   *
   * @return the saved form, starting with {@code pcu1.}
   */
  public String encode() {
    return ContinuationCodec.encode(this);
  }

  /**
   * Describes this continuation for logs: the listing and whether a next page is pending, without
   * the continuation token or the next link's query. Not a saved form: use {@link #encode()}.
   *
   * @return a redacted description
   */
  @Override
  public String toString() {
    return ContinuationCodec.REDACTED_PREFIX
        + kind.description
        + (kind == Kind.CUSTOMERS
            ? ""
            : " of customer " + customerId + ", subscription " + subscriptionId)
        + (isFirstPage() ? ", first page" : ", next page, continuation token REDACTED")
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Continuation)) {
      return false;
    }
    Continuation that = (Continuation) o;
    return kind == that.kind
        && Objects.equals(customerId, that.customerId)
        && Objects.equals(subscriptionId, that.subscriptionId)
        && Objects.equals(correlationId, that.correlationId)
        && Objects.equals(query, that.query)
        && Objects.equals(customerQuery, that.customerQuery)
        && Objects.equals(nextUri, that.nextUri)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        kind, customerId, subscriptionId, correlationId, query, customerQuery, nextUri, headers);
  }
}
