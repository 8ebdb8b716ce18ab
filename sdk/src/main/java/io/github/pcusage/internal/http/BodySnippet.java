package io.github.pcusage.internal.http;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads a response body that failed to decode: the snippet around the failure shown in the
 * exception message, and whether the body simply stops short (a truncated body, worth a retry).
 *
 * <p>The snippet never shows the value of a {@code "value"} field: link headers ({@code
 * links.next.headers[].value}) carry the {@code MS-ContinuationToken}, which must not reach an
 * exception message. Those values print as {@code REDACTED}.
 */
final class BodySnippet {
  private static final int KEY_LIMIT = 16;

  private BodySnippet() {}

  /** Returns bytes {@code [from, to)} of {@code body} as text, with header values redacted. */
  static String of(Buffer body, long from, long to) {
    if (from >= to) {
      return "";
    }
    BufferedSource in = body.peek();
    Buffer out = new Buffer();
    boolean inString = false;
    boolean escaped = false;
    boolean masking = false;
    boolean maskWritten = false;
    StringBuilder current = new StringBuilder();
    String lastString = null;
    String keyBeforeColon = null;
    byte lastSignificant = 0;
    for (long i = 0; i < to; i++) {
      byte b = readByte(in);
      boolean shown = i >= from;
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          masking = false;
          lastString = current.length() <= KEY_LIMIT ? current.toString() : null;
          lastSignificant = '"';
          if (shown) {
            out.writeByte(b);
          }
          continue;
        }
        if (current.length() <= KEY_LIMIT) {
          current.append((char) (b & 0xff));
        }
        if (masking) {
          if (shown && !maskWritten) {
            out.writeUtf8("REDACTED");
            maskWritten = true;
          }
          continue;
        }
      } else if (b == '"') {
        inString = true;
        current.setLength(0);
        masking = lastSignificant == ':' && "value".equalsIgnoreCase(keyBeforeColon);
        maskWritten = false;
      } else if (b == ':') {
        keyBeforeColon = lastSignificant == '"' ? lastString : null;
        lastSignificant = ':';
      } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        lastSignificant = b;
      }
      if (shown) {
        out.writeByte(b);
      }
    }
    return out.readUtf8();
  }

  /**
   * Returns whether {@code body} ends inside a string or with an object or array still open: the
   * JSON stops short, as a body cut off in transit does.
   */
  static boolean endsInsideValue(Buffer body) {
    boolean inString = false;
    boolean escaped = false;
    long depth = 0;
    BufferedSource in = body.peek();
    for (long i = 0, n = body.size(); i < n; i++) {
      byte b = readByte(in);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return inString || depth > 0;
  }

  private static byte readByte(BufferedSource in) {
    try {
      return in.readByte();
    } catch (IOException e) {
      throw new IllegalStateException("a peek of an in-memory buffer failed", e);
    }
  }
}
