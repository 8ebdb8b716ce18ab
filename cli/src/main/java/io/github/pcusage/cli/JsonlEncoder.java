package io.github.pcusage.cli;

import com.squareup.moshi.JsonWriter;
import io.github.pcusage.Page;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okio.Buffer;

/**
 * JSON Lines, lossless: each record's JSON exactly as the service sent it (every field, known or
 * not, numbers and dates as their original text), one per line. For {@code export} each object
 * starts with {@code customerId} and {@code subscriptionId}.
 *
 * <p>The records still go through the SDK's decoding (a page that does not decode fails as before);
 * what is written are the bytes the {@link RawPageCapture} kept of the same page, split by {@link
 * RawRecords}. A page whose bytes were not kept, or whose record count differs from what the SDK
 * decoded, is a failure (exit 5), never a line written from anything else.
 */
final class JsonlEncoder implements RecordEncoder {
  private final byte[] prefix;
  private final RawPageCapture raw;

  JsonlEncoder(Target target, RawPageCapture raw) {
    this.prefix = target == null ? null : prefix(target).getBytes(StandardCharsets.UTF_8);
    this.raw = Objects.requireNonNull(raw, "raw == null");
  }

  @Override
  public byte[] header() {
    return new byte[0];
  }

  @Override
  public void encode(Page<AzureUtilizationRecord> page, PageBuffer out) {
    PageBuffer body = raw.take(page.requestId());
    if (body == null) {
      throw failure(page, "its body as received was not kept");
    }
    int start = out.size();
    boolean done = false;
    try {
      encode(page, body, out, start);
      done = true;
    } finally {
      raw.release(body);
      if (!done) {
        out.truncate(start); // nothing of a page that fails
      }
    }
  }

  /** Splits {@code body} into lines after {@code start} of {@code out}, checking the count. */
  private void encode(
      Page<AzureUtilizationRecord> page, PageBuffer body, PageBuffer out, int start) {
    int[] count = {0};
    try {
      RawRecords.forEach(
          body,
          new RawRecords.Sink() {
            @Override
            public void itemsArray() {
              out.truncate(start); // a repeated member: the last one counts, as when decoded
              count[0] = 0;
            }

            @Override
            public void record(byte[] json, int length) {
              if (length < 2 || json[0] != '{') {
                throw failure(page, "a record is not a JSON object");
              }
              line(json, length, out);
              count[0]++;
            }
          });
    } catch (IOException e) {
      throw failure(page, "its body as received cannot be split into records: " + e.getMessage());
    }
    if (count[0] != page.items().size()) {
      throw failure(
          page,
          "its body as received holds "
              + count[0]
              + " records, the SDK decoded "
              + page.items().size());
    }
  }

  /** Writes one record and its line break to {@code out}, with the target's ids for export. */
  private void line(byte[] json, int length, PageBuffer out) {
    if (prefix == null) {
      out.write(json, 0, length);
    } else {
      // json is an object "{...}": splice the target's ids in as its first members.
      out.write('{');
      out.write(prefix);
      if (!isEmptyObject(json, length)) {
        out.write(',');
      }
      out.write(json, 1, length - 1);
    }
    out.write('\n');
  }

  private static CliException failure(Page<?> page, String why) {
    return new CliException(
        ExitCode.API,
        "cannot write the page of request id "
            + page.requestId()
            + " as JSONL as received: "
            + why);
  }

  private static boolean isEmptyObject(byte[] json, int length) {
    for (int i = 1; i < length; i++) {
      byte b = json[i];
      if (b != ' ' && b != '\t') {
        return b == '}';
      }
    }
    return false;
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
