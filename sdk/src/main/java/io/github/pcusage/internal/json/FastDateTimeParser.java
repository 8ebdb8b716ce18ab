package io.github.pcusage.internal.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parses the date-time shape the service sends, {@code yyyy-MM-ddTHH:mm:ss[.fffffffff](Z|+hh:mm)},
 * by hand: several times faster than {@code DateTimeFormatter}, which stays the fallback for any
 * other ISO-8601 shape.
 */
final class FastDateTimeParser {
  /**
   * Offsets in whole quarter hours, -18:00 to +18:00: every offset in use, looked up without
   * boxing.
   */
  private static final ZoneOffset[] QUARTER_HOURS = new ZoneOffset[145];

  static {
    for (int i = 0; i < QUARTER_HOURS.length; i++) {
      QUARTER_HOURS[i] = ZoneOffset.ofTotalSeconds((i - 72) * 900);
    }
  }

  private FastDateTimeParser() {}

  /** Returns the parsed value, or {@code null} when {@code s} is not of the common shape. */
  static OffsetDateTime tryParse(String s) {
    return parse(s, false);
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.fffffffff]} without an offset (the rate card's dates) as
   * UTC; returns {@code null} for any other shape, one with an offset included.
   */
  static OffsetDateTime tryParseWithoutOffset(String s) {
    return parse(s, true);
  }

  private static OffsetDateTime parse(String s, boolean withoutOffset) {
    int n = s.length();
    if (n < (withoutOffset ? 19 : 20)
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (withoutOffset || i >= n) {
      if (!withoutOffset || i != n) {
        return null;
      }
      offset = ZoneOffset.UTC;
    } else if ((s.charAt(i) == 'Z' || s.charAt(i) == 'z') && i == n - 1) {
      offset = ZoneOffset.UTC;
    } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      char sign = s.charAt(i);
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0 || om > 59) {
        return null;
      }
      int total = oh * 3600 + om * 60;
      if (sign == '-') {
        total = -total;
      }
      if (total % 900 == 0 && total >= -64_800 && total <= 64_800) {
        offset = QUARTER_HOURS[total / 900 + 72];
      } else {
        try {
          offset = ZoneOffset.ofTotalSeconds(total);
        } catch (DateTimeException e) {
          return null;
        }
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDateTime.of(
              LocalDate.of(year, month, day), LocalTime.of(hour, minute, second, nanos)),
          offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
