package io.github.pcusage.internal.http;

import java.io.EOFException;
import okio.Buffer;
import okio.ByteString;

/**
 * The UTF-8 byte order mark ({@code EF BB BF}) that some Partner Center responses put before their
 * JSON (Microsoft's own PowerShell module drops the first character of every body before parsing
 * it). One leading mark is skipped on every body the client reads: pages, the usage summary and
 * error bodies. It is never part of a raw item ({@code Page.rawItems()}) or of an exception's raw
 * body.
 */
final class ByteOrderMark {
  static final ByteString BYTES = ByteString.decodeHex("efbbbf");

  private ByteOrderMark() {}

  /** Returns how many bytes a leading mark takes in {@code body}: 3, or 0 when it has none. */
  static int length(BodyArrays.Filled body) {
    if (body.length() >= BYTES.size()
        && body.byteAt(0) == BYTES.getByte(0)
        && body.byteAt(1) == BYTES.getByte(1)
        && body.byteAt(2) == BYTES.getByte(2)) {
      return BYTES.size();
    }
    return 0;
  }

  /** Removes one leading mark from {@code body}, if it starts with one. */
  static void skip(Buffer body) {
    if (body.rangeEquals(0, BYTES)) {
      try {
        body.skip(BYTES.size());
      } catch (EOFException impossible) {
        throw new AssertionError("the buffer holds the mark", impossible);
      }
    }
  }
}
