package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes one utilization record in a {@link RecordStyle}. The style picks, from the record's index
 * in its listing, which variant a record gets, so the same listing is written the same way on every
 * run.
 *
 * <p>{@link RecordStyle#QUIRKS}, by {@code index % 6}: 1 {@code tags: ""}, 2 {@code additionalInfo}
 * as a JSON string, 3 {@code instanceData} as a JSON string, 4 a number inside {@code
 * additionalInfo}, 5 unknown fields.
 *
 * <p>{@link RecordStyle#NULLS}: every optional field the record lacks is an explicit {@code null}
 * ({@code resource.region}, {@code instanceData}, {@code tags}, {@code additionalInfo}), and by
 * {@code index % 4}: 1 {@code unit} and {@code infoFields} null, 2 {@code resource.subcategory},
 * {@code resource.region}, {@code location}, {@code partNumber}, {@code orderNumber}, {@code tags}
 * and {@code additionalInfo} null, 3 {@code instanceData} and {@code attributes} null.
 */
final class RecordWriter {
  private final JsonFactory factory;

  RecordWriter(JsonFactory factory) {
    this.factory = factory;
  }

  void write(JsonGenerator json, UsageRecord record, RecordStyle style, int index)
      throws IOException {
    int quirk = style == RecordStyle.QUIRKS ? index % 6 : 0;
    boolean nulls = style == RecordStyle.NULLS;
    int variant = nulls ? index % 4 : 0;
    json.writeStartObject();
    json.writeStringField("usageStartTime", record.startText);
    json.writeStringField("usageEndTime", record.endText);
    json.writeObjectFieldStart("resource");
    json.writeStringField("id", record.meter.id());
    json.writeStringField("name", record.meter.name());
    json.writeStringField("category", record.meter.category());
    nullableString(json, "subcategory", variant == 2 ? null : record.meter.subcategory(), true);
    nullableString(
        json, "region", record.hasRegion && variant != 2 ? record.meter.region() : null, nulls);
    json.writeEndObject();
    json.writeFieldName("quantity");
    json.writeNumber(record.quantity);
    nullableString(json, "unit", variant == 1 ? null : record.meter.unit(), true);
    json.writeFieldName("infoFields");
    if (variant == 1) {
      json.writeNull();
    } else {
      writeMap(json, record.infoFields);
    }
    ResourceInstance instance = variant == 3 ? null : record.instance;
    if (instance != null) {
      json.writeFieldName("instanceData");
      if (quirk == 3) {
        json.writeString(instanceJson(instance));
      } else {
        writeInstance(json, instance, quirk, variant == 2, nulls);
      }
    } else if (nulls) {
      json.writeNullField("instanceData");
    }
    if (quirk == 5) {
      json.writeStringField("meterRegionDetails", "preview");
      json.writeObjectFieldStart("billingContext");
      json.writeNumberField("version", 2);
      json.writeEndObject();
    }
    if (variant == 3) {
      json.writeNullField("attributes");
    } else {
      WireWriter.writeAttributes(json, "AzureUtilizationRecord");
    }
    json.writeEndObject();
  }

  private void writeInstance(
      JsonGenerator json, ResourceInstance instance, int quirk, boolean nullAll, boolean nulls)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("resourceUri", instance.resourceUri());
    nullableString(json, "location", nullAll ? null : instance.location(), true);
    nullableString(json, "partNumber", nullAll ? null : "", true);
    nullableString(json, "orderNumber", nullAll ? null : "", true);
    Map<String, String> tags = nullAll ? null : instance.tags();
    if (quirk == 1) {
      json.writeStringField("tags", "");
    } else if (tags != null) {
      json.writeFieldName("tags");
      writeMap(json, tags);
    } else if (nulls) {
      json.writeNullField("tags");
    }
    Map<String, String> additional = nullAll ? null : instance.additionalInfo();
    if (additional != null || quirk == 4) {
      Map<String, String> info = additional == null ? Map.of() : additional;
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
    } else if (nulls) {
      json.writeNullField("additionalInfo");
    }
    json.writeEndObject();
  }

  /** Writes a string field, or an explicit null for a null value when {@code writeNull}. */
  private static void nullableString(
      JsonGenerator json, String name, String value, boolean writeNull) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    } else if (writeNull) {
      json.writeNullField(name);
    }
  }

  private String instanceJson(ResourceInstance instance) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      writeInstance(json, instance, 0, false, false);
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
}
