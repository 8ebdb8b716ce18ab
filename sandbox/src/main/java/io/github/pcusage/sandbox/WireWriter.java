package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes every JSON body the sandbox sends with Jackson's streaming generator: field names and
 * order as the service sends them, decimals in plain notation with their scale kept. Records are
 * written by {@link RecordWriter} in the pair's {@link RecordStyle}.
 */
final class WireWriter {
  private static final int RECORD_BYTES = 900;

  private final JsonFactory factory =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private final RecordWriter records = new RecordWriter(factory);
  private final DirectoryWriter directory = new DirectoryWriter(factory);

  /** Returns the writer of the customer and subscription lists. */
  DirectoryWriter directory() {
    return directory;
  }

  /** Returns the factory every body is written with. */
  JsonFactory factory() {
    return factory;
  }

  /**
   * Writes one utilization page.
   *
   * @param view the records of the whole listing
   * @param request the page's request; its offset and size select the page's records
   * @param selfUri the {@code links.self.uri}
   * @param selfToken the continuation token the request carried, or null on a first page
   * @param nextUri the {@code links.next.uri}, or null on the last page
   * @param nextToken the token for the next page, or null on the last page
   * @param style how records are written; {@link RecordStyle#NULLS} also writes {@code "next":
   *     null} on the last page
   */
  byte[] page(
      RecordView view,
      PageRequest request,
      String selfUri,
      String selfToken,
      String nextUri,
      String nextToken,
      RecordStyle style) {
    int from = Math.min(request.offset(), view.size());
    int to = Math.min(view.size(), from + request.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (to - from) * RECORD_BYTES);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("totalCount", to - from);
      json.writeArrayFieldStart("items");
      for (int i = from; i < to; i++) {
        records.write(json, view.get(i), style, i);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("links");
      writeLink(json, "self", selfUri, selfToken);
      if (nextUri != null) {
        writeLink(json, "next", nextUri, nextToken);
      } else if (style == RecordStyle.NULLS) {
        json.writeNullField("next");
      }
      json.writeEndObject();
      writeAttributes(json, "Collection");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes a usage summary object; with {@code nulls}, the fields of the other kind of subscription
   * are explicit nulls ({@code currencyCode} and {@code usdTotalCost} of a legacy one, {@code
   * currencyLocale} of an Azure plan).
   */
  byte[] summary(UsageSummary summary, boolean nulls) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      if (summary.legacy()) {
        json.writeStringField("id", summary.resourceId());
        json.writeStringField("name", summary.resourceName());
      }
      json.writeStringField("resourceId", summary.resourceId());
      json.writeStringField("resourceName", summary.resourceName());
      json.writeStringField("billingStartDate", summary.billingStartDate());
      json.writeStringField("billingEndDate", summary.billingEndDate());
      json.writeFieldName("totalCost");
      json.writeNumber(summary.totalCost());
      if (summary.legacy()) {
        json.writeStringField("currencyLocale", summary.currency());
        if (nulls) {
          json.writeNullField("currencyCode");
          json.writeNullField("usdTotalCost");
        }
      } else {
        if (nulls) {
          json.writeNullField("currencyLocale");
        }
        json.writeStringField("currencyCode", summary.currency());
        json.writeFieldName("usdTotalCost");
        json.writeNumber(summary.usdTotalCost());
      }
      json.writeStringField("lastModifiedDate", summary.lastModifiedDate());
      json.writeObjectFieldStart("links");
      writeLink(json, "self", summary.selfUri(), null);
      json.writeEndObject();
      writeAttributes(json, "SubscriptionUsageSummary");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes a Partner Center error body: the code a number, a string, or absent (see ApiError). */
  byte[] error(ApiError error) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      if (error.code() != null && error.codeAsString()) {
        json.writeStringField("code", error.code());
      } else if (error.code() != null) {
        json.writeFieldName("code");
        json.writeNumber(Long.parseLong(error.code()));
      }
      json.writeStringField("description", error.description());
      json.writeArrayFieldStart("data");
      json.writeEndArray();
      json.writeStringField("source", "PartnerFD");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the body of a 429 answer. */
  byte[] throttled(long retryAfterSeconds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("statusCode", 429);
      json.writeStringField(
          "message", "Rate limit is exceeded. Try again in " + retryAfterSeconds + " seconds.");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes a Partner Center link: {@code uri}, {@code method} and the token as its header. */
  static void writeLink(JsonGenerator json, String name, String uri, String token)
      throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("uri", uri);
    json.writeStringField("method", "GET");
    json.writeArrayFieldStart("headers");
    if (token != null) {
      json.writeStartObject();
      json.writeStringField("key", "MS-ContinuationToken");
      json.writeStringField("value", token);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  static void writeAttributes(JsonGenerator json, String objectType) throws IOException {
    json.writeObjectFieldStart("attributes");
    json.writeStringField("objectType", objectType);
    json.writeEndObject();
  }
}
