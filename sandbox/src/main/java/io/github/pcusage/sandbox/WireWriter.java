package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes every JSON body the sandbox sends with Jackson's streaming generator: field names and
 * order as the service sends them, decimals in plain notation with their scale kept.
 *
 * <p>In quirks mode the records carry what real payloads have been seen to carry beside the
 * documented shape: {@code tags} as an empty string, {@code additionalInfo} and {@code
 * instanceData} as JSON strings, a number inside {@code additionalInfo}, and unknown fields.
 */
final class WireWriter {
  private static final int RECORD_BYTES = 900;

  private final JsonFactory factory =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /**
   * Writes one utilization page.
   *
   * @param view the records of the whole listing
   * @param request the page's request; its offset and size select the page's records
   * @param selfUri the {@code links.self.uri}
   * @param selfToken the continuation token the request carried, or null on a first page
   * @param nextUri the {@code links.next.uri}, or null on the last page
   * @param nextToken the token for the next page, or null on the last page
   * @param quirks whether to write the quirky shapes (see the class comment)
   */
  byte[] page(
      RecordView view,
      PageRequest request,
      String selfUri,
      String selfToken,
      String nextUri,
      String nextToken,
      boolean quirks) {
    int from = Math.min(request.offset(), view.size());
    int to = Math.min(view.size(), from + request.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (to - from) * RECORD_BYTES);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("totalCount", to - from);
      json.writeArrayFieldStart("items");
      for (int i = from; i < to; i++) {
        writeRecord(json, view.get(i), quirks ? i % 6 : 0);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("links");
      writeLink(json, "self", selfUri, selfToken);
      if (nextUri != null) {
        writeLink(json, "next", nextUri, nextToken);
      }
      json.writeEndObject();
      writeAttributes(json, "Collection");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes a usage summary object. */
  byte[] summary(UsageSummary summary) {
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
      } else {
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

  /** Writes a Partner Center error body, with the code as a number. */
  byte[] error(ApiError error) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("code", error.code());
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

  private void writeRecord(JsonGenerator json, UsageRecord record, int quirk) throws IOException {
    json.writeStartObject();
    json.writeStringField("usageStartTime", record.startText);
    json.writeStringField("usageEndTime", record.endText);
    json.writeObjectFieldStart("resource");
    json.writeStringField("id", record.meter.id());
    json.writeStringField("name", record.meter.name());
    json.writeStringField("category", record.meter.category());
    json.writeStringField("subcategory", record.meter.subcategory());
    json.writeStringField("region", record.meter.region());
    json.writeEndObject();
    json.writeFieldName("quantity");
    json.writeNumber(record.quantity);
    json.writeStringField("unit", record.meter.unit());
    json.writeFieldName("infoFields");
    writeMap(json, record.infoFields);
    ResourceInstance instance = record.instance;
    if (instance != null) {
      json.writeFieldName("instanceData");
      if (quirk == 3) {
        json.writeString(instanceJson(instance));
      } else {
        writeInstance(json, instance, quirk);
      }
    }
    if (quirk == 5) {
      json.writeStringField("meterRegionDetails", "preview");
      json.writeObjectFieldStart("billingContext");
      json.writeNumberField("version", 2);
      json.writeEndObject();
    }
    writeAttributes(json, "AzureUtilizationRecord");
    json.writeEndObject();
  }

  private void writeInstance(JsonGenerator json, ResourceInstance instance, int quirk)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceUri", instance.resourceUri());
    json.writeStringField("location", instance.location());
    json.writeStringField("partNumber", "");
    json.writeStringField("orderNumber", "");
    if (quirk == 1) {
      json.writeStringField("tags", "");
    } else if (instance.tags() != null) {
      json.writeFieldName("tags");
      writeMap(json, instance.tags());
    }
    if (instance.additionalInfo() != null || quirk == 4) {
      Map<String, String> info =
          instance.additionalInfo() == null ? Map.of() : instance.additionalInfo();
      json.writeFieldName("additionalInfo");
      if (quirk == 2) {
        json.writeString(mapJson(info));
      } else if (quirk == 4) {
        json.writeStartObject();
        for (Map.Entry<String, String> entry : info.entrySet()) {
          json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeNumberField("CoreCount", 2);
        json.writeEndObject();
      } else {
        writeMap(json, info);
      }
    }
    json.writeEndObject();
  }

  private String instanceJson(ResourceInstance instance) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      writeInstance(json, instance, 0);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private String mapJson(Map<String, String> map) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      writeMap(json, map);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void writeMap(JsonGenerator json, Map<String, String> map) throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  private static void writeLink(JsonGenerator json, String name, String uri, String token)
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

  private static void writeAttributes(JsonGenerator json, String objectType) throws IOException {
    json.writeObjectFieldStart("attributes");
    json.writeStringField("objectType", objectType);
    json.writeEndObject();
  }
}
