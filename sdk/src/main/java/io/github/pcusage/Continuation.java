package io.github.pcusage;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pcusage.model.Granularity;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * Where a listing stands: enough to request the next page, in this process or another one.
 *
 * <p>{@link #toString()} gives a compact string and {@link #parse(String)} reads it back, so a
 * listing can be saved and resumed elsewhere with {@link PagedIterable#byPage(Continuation)}. The
 * string holds Partner Center's continuation token: store it like a credential (it is not one, but
 * it reveals where a listing stands) and never log it.
 *
 * <pre>{@code
 * String saved = page.continuation().get().toString();
 * // ... later, perhaps in another process:
 * for (Page<AzureUtilizationRecord> page : records.byPage(Continuation.parse(saved))) { ... }
 * }</pre>
 */
public final class Continuation {
  private static final String PREFIX = "pcu1.";

  private final String customerId;
  private final String subscriptionId;
  private final String correlationId;
  private final UtilizationQuery query;
  private final String nextUri;
  private final List<Map.Entry<String, String>> headers;

  private Continuation(
      String customerId,
      String subscriptionId,
      String correlationId,
      UtilizationQuery query,
      String nextUri,
      List<Map.Entry<String, String>> headers) {
    this.customerId = customerId;
    this.subscriptionId = subscriptionId;
    this.correlationId = correlationId;
    this.query = query;
    this.nextUri = nextUri;
    this.headers = Collections.unmodifiableList(new ArrayList<>(headers));
  }

  static Continuation firstPage(
      String customerId, String subscriptionId, String correlationId, UtilizationQuery query) {
    return new Continuation(customerId, subscriptionId, correlationId, query, null, List.of());
  }

  static Continuation nextPage(
      String customerId,
      String subscriptionId,
      String correlationId,
      UtilizationQuery query,
      String nextUri,
      List<Map.Entry<String, String>> headers) {
    return new Continuation(customerId, subscriptionId, correlationId, query, nextUri, headers);
  }

  /**
   * Returns the customer id of the listing.
   *
   * @return the customer id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * Returns the subscription id of the listing.
   *
   * @return the subscription id
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

  String correlationId() {
    return correlationId;
  }

  UtilizationQuery query() {
    return query;
  }

  String nextUri() {
    return nextUri;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /**
   * Reads a continuation written by {@link #toString()}.
   *
   * @param text the saved continuation
   * @return the continuation
   * @throws IllegalArgumentException if the text is not a continuation written by this SDK
   */
  public static Continuation parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String trimmed = text.trim();
    if (!trimmed.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "continuation is not one written by this SDK: it must start with " + PREFIX);
    }
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(trimmed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("continuation is damaged: it is not valid base64url", e);
    }
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      String customer = null;
      String subscription = null;
      String correlation = null;
      String start = null;
      String end = null;
      String granularity = null;
      Boolean details = null;
      Integer size = null;
      String uri = null;
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        switch (name) {
          case "c":
            customer = reader.nextString();
            break;
          case "s":
            subscription = reader.nextString();
            break;
          case "r":
            correlation = reader.nextString();
            break;
          case "from":
            start = reader.nextString();
            break;
          case "to":
            end = reader.nextString();
            break;
          case "g":
            granularity = reader.nextString();
            break;
          case "d":
            details = reader.nextBoolean();
            break;
          case "n":
            size = reader.nextInt();
            break;
          case "u":
            uri = reader.nextString();
            break;
          case "h":
            reader.beginArray();
            while (reader.hasNext()) {
              reader.beginArray();
              String key = reader.nextString();
              String value = reader.nextString();
              reader.endArray();
              headers.add(Map.entry(key, value));
            }
            reader.endArray();
            break;
          default:
            reader.skipValue();
        }
      }
      reader.endObject();
      if (customer == null
          || subscription == null
          || start == null
          || end == null
          || granularity == null
          || details == null
          || size == null) {
        throw new IllegalArgumentException("continuation is damaged: a field is missing");
      }
      UtilizationQuery query =
          UtilizationQuery.builder()
              .startTime(OffsetDateTime.parse(start))
              .endTime(OffsetDateTime.parse(end))
              .granularity(Granularity.fromValue(granularity))
              .showDetails(details)
              .pageSize(size)
              .build();
      return new Continuation(customer, subscription, correlation, query, uri, headers);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException
          && e.getMessage() != null
          && e.getMessage().startsWith("continuation")) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException(
          "continuation is damaged: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Returns this continuation as a compact string that {@link #parse(String)} reads back.
   *
   * @return the saved form, starting with {@code pcu1.}
   */
  @Override
  public String toString() {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("c").value(customerId);
      writer.name("s").value(subscriptionId);
      if (correlationId != null) {
        writer.name("r").value(correlationId);
      }
      writer.name("from").value(query.startTime().toString());
      writer.name("to").value(query.endTime().toString());
      writer.name("g").value(query.granularity().getValue());
      writer.name("d").value(query.showDetails());
      writer.name("n").value(query.pageSize());
      if (nextUri != null) {
        writer.name("u").value(nextUri);
        writer.name("h").beginArray();
        for (Map.Entry<String, String> header : headers) {
          writer.beginArray().value(header.getKey()).value(header.getValue()).endArray();
        }
        writer.endArray();
      }
      writer.endObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.readByteArray());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Continuation && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
