package io.github.pcusage.properties;

import java.util.Random;

/** Writes JSON strings by hand (independently of Moshi), escaping at random where JSON allows. */
final class JsonText {
  private JsonText() {}

  /**
   * A JSON string literal for {@code value}: quotes, backslashes, control characters and every
   * surrogate (paired or lone) escaped as JSON requires or allows; other characters escaped as
   * {@code \\uXXXX} now and then, or written raw.
   */
  static String quote(String value, Random random) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append("\\\"");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x20 || Character.isSurrogate(c) || random.nextInt(20) == 0) {
        if (c == '\n' && random.nextBoolean()) {
          out.append("\\n");
        } else {
          out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
        }
      } else if (c == '/' && random.nextInt(4) == 0) {
        out.append("\\/");
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * A random string of valid characters: ASCII, accents, CJK, emoji (surrogate pairs), controls.
   */
  static String text(Random random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      switch (random.nextInt(10)) {
        case 0:
          out.append((char) random.nextInt(0x20));
          break;
        case 1:
          out.append((char) (0xa0 + random.nextInt(0x250)));
          break;
        case 2:
          out.append((char) (0x4e00 + random.nextInt(0x5000)));
          break;
        case 3:
          out.appendCodePoint(0x1f300 + random.nextInt(0x300));
          break;
        case 4:
          out.append("\"\\/{}[],:".charAt(random.nextInt(9)));
          break;
        case 5:
          // A lone surrogate: not valid UTF-16 text, yet a legal JSON escape.
          out.append((char) (0xd800 + random.nextInt(0x800)));
          break;
        default:
          out.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return out.toString();
  }
}
