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
      if (c == '/'
          || c == '?'
          || c == '#'
          || c == '%'
          || c == '\\'
          || Character.isWhitespace(c)
          || Character.isISOControl(c)
          || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException(
            field
                + " '"
                + printable(id)
                + "' holds "
                + describe(c)
                + " at index "
                + i
                + ": ids may not contain '/', '?', '#', '%', '\\', whitespace or control characters");
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < id.length()
            && Character.isLowSurrogate(id.charAt(i + 1))) {
          i++;
          continue;
        }
        // A lone surrogate has no UTF-8 form: it would be sent as '?', another id.
        throw new IllegalArgumentException(
            field
                + " holds an unpaired surrogate "
                + describe(c)
                + " at index "
                + i
                + ": ids must be valid Unicode");
      }
    }
    if (id.contains("..") || id.equals(".")) {
      // Retrofit refuses '.' and '..' as path segments (at call time, as another exception).
      throw new IllegalArgumentException(
          field
              + " '"
              + printable(id)
              + "' is '.' or holds '..', which could change the request path");
    }
    return id;
  }

  private static String describe(char c) {
    if (Character.isISOControl(c)
        || Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.isSurrogate(c)) {
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
