package io.github.pcusage;

/** Validates customer and subscription ids before any request is sent. */
final class Ids {
  static final int MAX_LENGTH = 128;

  private Ids() {}

  static String check(String field, String id) {
    if (id == null) {
      throw new IllegalArgumentException(field + " is missing: pass the id from Partner Center");
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException(field + " is blank: pass the id from Partner Center");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          field + " is " + id.length() + " characters long: ids have at most " + MAX_LENGTH);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '%' || c == '\\' || Character.isWhitespace(c)
          || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException(
            field + " '" + printable(id) + "' holds " + describe(c) + " at index " + i
                + ": ids may not contain '/', '?', '#', '%', '\\', whitespace or control characters");
      }
    }
    if (id.contains("..")) {
      throw new IllegalArgumentException(field + " '" + printable(id) + "' holds '..': ids may not contain '..'");
    }
    return id;
  }

  private static String describe(char c) {
    if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return String.format("the character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  static String printable(String id) {
    StringBuilder out = new StringBuilder();
    int limit = Math.min(id.length(), 64);
    for (int i = 0; i < limit; i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (id.length() > limit) {
      out.append("...");
    }
    return out.toString();
  }
}
