package io.github.pcusage.cli;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --start} and {@code --end}: a date ({@code 2026-10-01}, midnight UTC) or an ISO-8601
 * date-time with {@code Z} or an offset ({@code 2026-10-01T00:00:00Z}, {@code
 * 2026-10-01T00:00:00+02:00}). Anything else is a usage error.
 */
public final class TimeConverter implements ITypeConverter<OffsetDateTime> {
  @Override
  public OffsetDateTime convert(String value) {
    String text = value.trim();
    try {
      if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
            .atStartOfDay()
            .atOffset(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a date (2026-10-01, midnight UTC) or a date-time with an offset"
              + " (2026-10-01T00:00:00Z, 2026-10-01T00:00:00+02:00)");
    }
  }
}
