package io.github.pcusage.cli;

import com.squareup.moshi.JsonWriter;
import io.github.pcusage.Page;
import io.github.pcusage.RawItems;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;

/**
 * JSON Lines, lossless: each record's JSON exactly as the service sent it (every field, known or
 * not, numbers and dates as their original text), one per line. For {@code export} each object
 * starts with {@code customerId} and {@code subscriptionId}.
 *
 * <p>The records still go through the SDK's decoding (a page that does not decode fails as before);
 * what is written are the bytes the SDK received for each of them ({@link RawItems}), put on one
 * line by {@link OneLineJson} when they hold a line break or bytes that are not UTF-8.
 */
public final class JsonlEncoder implements RecordEncoder {
  private final byte[] prefix;

  /** One record's bytes, reused from record to record. */
  private final Scratch scratch = new Scratch();

  /**
   * Creates the encoder of a listing.
   *
   * @param target with {@code export}, the target whose ids start every record; null for none
   */
  public JsonlEncoder(Target target) {
    this.prefix = target == null ? null : prefix(target).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] header() {
    return new byte[0];
  }

  @Override
  public void encode(Page<AzureUtilizationRecord> page, PageBuffer out) {
    RawItems raw = page.rawItems();
    int start = out.size();
    boolean done = false;
    try {
      for (int i = 0; i < raw.size(); i++) {
        scratch.reset();
        raw.writeTo(i, scratch);
        byte[] json = scratch.bytes;
        int length = scratch.count;
        if (OneLineJson.hasLineBreak(json, length) || !OneLineJson.isUtf8(json, length)) {
          json = OneLineJson.oneLine(java.util.Arrays.copyOf(json, length));
          length = json.length;
        }
        if (length < 2 || json[0] != '{') {
          throw failure(page, "a record is not a JSON object");
        }
        line(json, length, out);
      }
      done = true;
    } catch (IOException e) {
      throw failure(page, "a record cannot be put on one line: " + e.getMessage());
    } finally {
      if (!done) {
        out.truncate(start); // nothing of a page that fails
      }
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

  /** A growable array that {@link RawItems#writeTo} fills; kept from record to record. */
  private static final class Scratch extends OutputStream {
    byte[] bytes = new byte[4096];
    int count;

    void reset() {
      count = 0;
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, count, len);
      count += len;
    }

    private void ensure(int more) {
      if (count + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
      }
    }
  }
}
