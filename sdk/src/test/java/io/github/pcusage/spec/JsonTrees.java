package io.github.pcusage.spec;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okio.Buffer;

/**
 * Canonical JSON trees, to compare two documents by value: member order does not matter, a member
 * whose value is {@code null} counts as absent, numbers compare as {@link BigDecimal} including
 * their scale ({@code 24.0} is not {@code 24.00}), and strings that are ISO-8601 date-times compare
 * as {@link OffsetDateTime} (same local time and same offset, so {@code +00:00} equals {@code Z};
 * one without an offset is UTC, as the spec says).
 */
final class JsonTrees {
  private JsonTrees() {}

  /**
   * Parses JSON text into a tree of maps, lists, BigDecimal, OffsetDateTime, String and Boolean.
   */
  static Object parse(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    Object tree = read(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new IllegalArgumentException("Trailing data after the JSON value: " + json);
    }
    return tree;
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> object = new TreeMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          Object value = read(reader);
          if (value != null) {
            object.put(name, value);
          }
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return array;
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case STRING:
        String text = reader.nextString();
        try {
          return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException withoutOffset) {
          try {
            // The spec's rule, which the SDK follows: a date-time without an offset is UTC.
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .atOffset(ZoneOffset.UTC);
          } catch (DateTimeParseException notADateTime) {
            return text;
          }
        }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalStateException("Unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /**
   * Lists every difference between two trees, each with its JSON path. A member named in {@code
   * stringOrNumberMembers} may hold a number on one side and a string with the same text on the
   * other (the spec types those as string-or-number and the SDK keeps them as strings).
   */
  static List<String> differences(
      Object expected, Object actual, Set<String> stringOrNumberMembers) {
    List<String> out = new ArrayList<>();
    diff(expected, actual, "$", null, stringOrNumberMembers, out);
    return out;
  }

  private static void diff(
      Object expected,
      Object actual,
      String path,
      String member,
      Set<String> stringOrNumberMembers,
      List<String> out) {
    if (expected instanceof Map && actual instanceof Map) {
      Map<?, ?> left = (Map<?, ?>) expected;
      Map<?, ?> right = (Map<?, ?>) actual;
      for (Map.Entry<?, ?> entry : left.entrySet()) {
        String name = (String) entry.getKey();
        String child = path + "." + name;
        if (!right.containsKey(name)) {
          out.add(child + ": lost (was " + describe(entry.getValue()) + ")");
        } else {
          diff(entry.getValue(), right.get(name), child, name, stringOrNumberMembers, out);
        }
      }
      for (Object name : right.keySet()) {
        if (!left.containsKey(name)) {
          out.add(path + "." + name + ": added " + describe(right.get(name)));
        }
      }
      return;
    }
    if (expected instanceof List && actual instanceof List) {
      List<?> left = (List<?>) expected;
      List<?> right = (List<?>) actual;
      if (left.size() != right.size()) {
        out.add(path + ": " + left.size() + " elements became " + right.size());
        return;
      }
      for (int i = 0; i < left.size(); i++) {
        diff(left.get(i), right.get(i), path + "[" + i + "]", null, stringOrNumberMembers, out);
      }
      return;
    }
    if (member != null
        && stringOrNumberMembers.contains(member)
        && expected instanceof BigDecimal
        && actual instanceof String
        && ((BigDecimal) expected).toPlainString().equals(actual)) {
      return;
    }
    if (expected == null ? actual != null : !expected.equals(actual)) {
      out.add(path + ": " + describe(expected) + " became " + describe(actual));
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    return value.getClass().getSimpleName() + " " + value;
  }
}
