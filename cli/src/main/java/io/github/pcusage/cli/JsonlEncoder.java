package io.github.pcusage.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import io.github.pcusage.json.PartnerCenterJson;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;

/**
 * JSON Lines: each record as the SDK's own adapter writes it (every field it decoded, decimals digit
 * for digit, dates with their offset), one per line. For {@code export} each object starts with
 * {@code customerId} and {@code subscriptionId}.
 */
final class JsonlEncoder implements RecordEncoder {
  private static final JsonAdapter<AzureUtilizationRecord> ADAPTER =
      PartnerCenterJson.moshi().adapter(AzureUtilizationRecord.class);

  private final byte[] prefix;

  JsonlEncoder(Target target) {
    this.prefix = target == null ? null : prefix(target).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] header() {
    return new byte[0];
  }

  @Override
  public void encode(AzureUtilizationRecord record, ByteArrayOutputStream out) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      ADAPTER.toJson(writer, record);
    }
    byte[] json = buffer.readByteArray();
    if (prefix == null) {
      out.write(json);
    } else {
      // json is an object "{...}": splice the target's ids in as its first members.
      out.write('{');
      out.write(prefix);
      boolean empty = json.length == 2;
      if (!empty) {
        out.write(',');
      }
      out.write(json, 1, json.length - 1);
    }
    out.write('\n');
  }

  private static String prefix(Target target) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("customerId").value(target.customerId);
      writer.name("subscriptionId").value(target.subscriptionId);
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String object = buffer.readUtf8();
    return object.substring(1, object.length() - 1);
  }
}
