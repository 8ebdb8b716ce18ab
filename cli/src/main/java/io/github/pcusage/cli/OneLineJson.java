package io.github.pcusage.cli;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * Puts one record's JSON on one line of UTF-8 for JSON Lines, changing nothing else.
 *
 * <p>A record is kept byte for byte unless it holds a line break (pretty-printed JSON) or bytes
 * that are not UTF-8: then it is re-serialised token by token, every number, string, boolean and
 * null copied as its original text ({@link JsonWriter#valueSink()}), only the whitespace between
 * tokens dropped (and a string value with a raw line break or invalid UTF-8 written from its
 * decoded value, U+FFFD for invalid bytes as the SDK decodes it).
 */
final class OneLineJson {
  private OneLineJson() {}

  /** Returns {@code json} itself when it is one line of UTF-8, else re-serialised on one line. */
  static byte[] oneLine(byte[] json) throws IOException {
    if (!hasLineBreak(json) && isUtf8(json)) {
      return json;
    }
    Buffer out = new Buffer();
    try (JsonReader reader = JsonReader.of(new Buffer().write(json));
        JsonWriter writer = JsonWriter.of(out)) {
      writer.setSerializeNulls(true);
      copy(reader, writer);
    }
    return out.readByteArray();
  }

  private static void copy(JsonReader reader, JsonWriter writer) throws IOException {
    int depth = 0;
    do {
      switch (reader.peek()) {
        case BEGIN_OBJECT:
          reader.beginObject();
          writer.beginObject();
          depth++;
          break;
        case END_OBJECT:
          reader.endObject();
          writer.endObject();
          depth--;
          break;
        case BEGIN_ARRAY:
          reader.beginArray();
          writer.beginArray();
          depth++;
          break;
        case END_ARRAY:
          reader.endArray();
          writer.endArray();
          depth--;
          break;
        case NAME:
          writer.name(reader.nextName());
          break;
        default: // STRING, NUMBER, BOOLEAN, NULL: the value's own text
          byte[] text;
          try (BufferedSource value = reader.nextSource()) {
            text = value.readByteArray();
          }
          if (!hasLineBreak(text) && isUtf8(text)) {
            try (BufferedSink sink = writer.valueSink()) {
              sink.write(text);
            }
          } else {
            writer.value(JsonReader.of(new Buffer().write(text)).nextString());
          }
          break;
      }
    } while (depth > 0);
  }

  private static boolean hasLineBreak(byte[] bytes) {
    return hasLineBreak(bytes, bytes.length);
  }

  static boolean hasLineBreak(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b == '\n' || b == '\r') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code bytes} are well-formed UTF-8 (RFC 3629), checked without allocating. */
  static boolean isUtf8(byte[] bytes) {
    return isUtf8(bytes, bytes.length);
  }

  /** Whether {@code bytes[0, n)} are well-formed UTF-8. */
  static boolean isUtf8(byte[] bytes, int n) {
    int i = 0;
    while (i < n) {
      int b = bytes[i] & 0xff;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int min;
      int max;
      if (b >= 0xc2 && b <= 0xdf) {
        length = 2;
        min = 0x80;
        max = 0xbf;
      } else if (b >= 0xe0 && b <= 0xef) {
        length = 3;
        min = b == 0xe0 ? 0xa0 : 0x80; // no overlong forms
        max = b == 0xed ? 0x9f : 0xbf; // no surrogates
      } else if (b >= 0xf0 && b <= 0xf4) {
        length = 4;
        min = b == 0xf0 ? 0x90 : 0x80;
        max = b == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
      } else {
        return false;
      }
      if (i + length > n) {
        return false;
      }
      int second = bytes[i + 1] & 0xff;
      if (second < min || second > max) {
        return false;
      }
      for (int k = 2; k < length; k++) {
        int next = bytes[i + k] & 0xff;
        if (next < 0x80 || next > 0xbf) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }
}
