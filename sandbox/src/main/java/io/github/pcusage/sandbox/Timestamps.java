package io.github.pcusage.sandbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats date-times the way Partner Center writes them: seconds always, a fraction of up to seven
 * digits only when there is one, and the offset as {@code +hh:mm} in records ({@code Z} only where
 * the service echoes a query time in a self link).
 */
final class Timestamps {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private Timestamps() {}

  /**
   * Formats with the fraction trimmed of trailing zeros, e.g. {@code
   * 2026-10-01T23:59:59.9999999-07:00}.
   */
  static String format(OffsetDateTime time) {
    StringBuilder out = new StringBuilder(33);
    SECONDS.formatTo(time, out);
    int hundredNanos = time.getNano() / 100;
    if (hundredNanos != 0) {
      String digits = String.format("%07d", hundredNanos);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    appendOffset(out, time.getOffset());
    return out.toString();
  }

  /**
   * Formats the same instant in UTC with {@code Z}, the fraction as {@link #format} writes it, as
   * the service echoes query times in self links, e.g. {@code 2026-10-01T07:00:00Z}.
   */
  static String formatUtc(OffsetDateTime time) {
    String utc = format(time.withOffsetSameInstant(ZoneOffset.UTC));
    return utc.substring(0, utc.length() - "+00:00".length()) + 'Z';
  }

  /**
   * Formats with exactly {@code digits} fraction digits (2 to 7; the time's own digits beyond them
   * are cut), as {@code lastModifiedDate} is sent, e.g. {@code 2026-10-31T22:13:05.14+00:00}.
   */
  static String formatFractionDigits(OffsetDateTime time, int digits) {
    if (digits < 2 || digits > 7) {
      throw new IllegalArgumentException("digits must be 2 to 7: " + digits);
    }
    StringBuilder out = new StringBuilder(33);
    SECONDS.formatTo(time, out);
    out.append('.').append(String.format("%07d", time.getNano() / 100), 0, digits);
    appendOffset(out, time.getOffset());
    return out.toString();
  }

  private static void appendOffset(StringBuilder out, ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    out.append(total < 0 ? '-' : '+');
    int abs = Math.abs(total);
    int hours = abs / 3600;
    int minutes = (abs / 60) % 60;
    out.append(hours < 10 ? "0" : "").append(hours).append(':');
    out.append(minutes < 10 ? "0" : "").append(minutes);
  }
}
