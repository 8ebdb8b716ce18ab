package io.github.pcusage.reliability;

import com.squareup.moshi.JsonReader;
import io.github.pcusage.Continuation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okio.Buffer;

/** Finding secrets, or any sizeable piece of one, in captured text. */
final class Canaries {
  private Canaries() {}

  /**
   * Returns the first piece of {@code secret} at least {@code window} characters long found in
   * {@code text}, or null. With {@code window >= secret.length()} only the whole secret counts.
   */
  static String leakedPiece(String text, String secret, int window) {
    int w = Math.min(window, secret.length());
    for (int i = 0; i + w <= secret.length(); i++) {
      String piece = secret.substring(i, i + w);
      if (text.contains(piece)) {
        return piece;
      }
    }
    return null;
  }

  /**
   * The whole output of {@link Throwable#printStackTrace()}: every message and toString of the
   * chain.
   */
  static String dump(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /**
   * The header values a continuation carries (the {@code MS-ContinuationToken}), read from its
   * saved form: base64url of a small JSON object whose {@code h} holds {@code [name, value]} pairs.
   */
  static List<String> headerValues(Continuation continuation) {
    String saved = continuation.encode();
    byte[] json = Base64.getUrlDecoder().decode(saved.substring(saved.indexOf('.') + 1));
    List<String> values = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (!reader.nextName().equals("h")) {
          reader.skipValue();
          continue;
        }
        reader.beginArray();
        while (reader.hasNext()) {
          reader.beginArray();
          reader.nextString();
          values.add(reader.nextString());
          reader.endArray();
        }
        reader.endArray();
      }
      reader.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }
}
