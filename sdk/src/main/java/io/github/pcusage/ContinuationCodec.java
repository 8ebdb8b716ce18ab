package io.github.pcusage;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pcusage.model.Granularity;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * The saved form of a {@link Continuation}: {@code pcu1.} and the base64url of a small JSON object
 * ({@code c} customer, {@code s} subscription, {@code r} correlation id, {@code from}/{@code to}/
 * {@code g}/{@code d}/{@code n} the query, {@code u} the next link, {@code h} its headers, {@code
 * k} the listing kind when it is not the utilization listing). The customer listing ({@code k}
 * {@code cu}) has no {@code c}, {@code s} or window: {@code n} is its page size, {@code f}/{@code
 * v} its filter's field and prefix. Unknown members are skipped, so a newer field does not break an
 * older reader.
 */
final class ContinuationCodec {
  static final String REDACTED_PREFIX = "Continuation{";
  private static final String PREFIX = "pcu1.";

  private ContinuationCodec() {}

  static String encode(Continuation c) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      if (c.kind().code != null) {
        writer.name("k").value(c.kind().code);
      }
      if (c.kind() == Continuation.Kind.CUSTOMERS) {
        if (c.correlationId() != null) {
          writer.name("r").value(c.correlationId());
        }
        CustomerQuery query = c.customerQuery();
        writer.name("n").value(query.pageSize());
        if (query.filterField() != null) {
          writer.name("f").value(query.filterField());
          writer.name("v").value(query.filterValue());
        }
      } else {
        writer.name("c").value(c.customerId());
        writer.name("s").value(c.subscriptionId());
        if (c.correlationId() != null) {
          writer.name("r").value(c.correlationId());
        }
        UtilizationQuery query = c.query();
        writer.name("from").value(query.startTime().toString());
        writer.name("to").value(query.endTime().toString());
        writer.name("g").value(query.granularity().getValue());
        writer.name("d").value(query.showDetails());
        writer.name("n").value(query.pageSize());
      }
      if (c.nextUri() != null) {
        writer.name("u").value(c.nextUri());
        writer.name("h").beginArray();
        for (Map.Entry<String, String> header : c.headers()) {
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

  static Continuation parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith(REDACTED_PREFIX)) {
      throw new IllegalArgumentException(
          "continuation is the redacted toString() of one, which leaves the continuation token out:"
              + " save Continuation.encode() instead");
    }
    if (!trimmed.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "continuation is not one written by this SDK: it must start with "
              + PREFIX
              + " (the form Continuation.encode() writes)");
    }
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(trimmed.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("continuation is damaged: it is not valid base64url", e);
    }
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      return read(reader);
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

  private static Continuation read(JsonReader reader) throws IOException {
    String kind = null;
    String customer = null;
    String subscription = null;
    String correlation = null;
    String start = null;
    String end = null;
    String granularity = null;
    Boolean details = null;
    Integer size = null;
    String uri = null;
    String filterField = null;
    String filterValue = null;
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "k":
          kind = reader.nextString();
          break;
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
        case "f":
          filterField = reader.nextString();
          break;
        case "v":
          filterValue = reader.nextString();
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
    if (Continuation.Kind.CUSTOMERS.code.equals(kind)) {
      if (size == null || (filterField == null) != (filterValue == null)) {
        throw new IllegalArgumentException("continuation is damaged: a field is missing");
      }
      CustomerQuery query = CustomerQuery.of(size, filterField, filterValue);
      return new Continuation(
          Continuation.Kind.CUSTOMERS, null, null, correlation, null, query, uri, headers);
    }
    if (kind != null) {
      throw new IllegalArgumentException(
          "continuation is of a listing this version of the SDK does not know (" + kind + ")");
    }
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
    return new Continuation(
        Continuation.Kind.UTILIZATIONS,
        customer,
        subscription,
        correlation,
        query,
        null,
        uri,
        headers);
  }
}
