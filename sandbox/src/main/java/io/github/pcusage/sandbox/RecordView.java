package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records one listing returns, in their stable order: the subscription's daily records reported
 * in {@code [start, end)}, aggregated per resource when details are off, and split into 24 hourly
 * records each when the granularity is hourly.
 *
 * <p>An hourly split gives 23 equal parts rounded down and puts the remainder in the last hour, so
 * the 24 quantities add up exactly to the daily quantity.
 */
final class RecordView {
  private static final BigDecimal HOURS = BigDecimal.valueOf(24);
  private static final BigDecimal FIRST_HOURS = BigDecimal.valueOf(23);

  private final List<UsageRecord> daily;
  private final boolean hourly;

  private RecordView(List<UsageRecord> daily, boolean hourly) {
    this.daily = daily;
    this.hourly = hourly;
  }

  /** Selects, aggregates and splits the records of one listing. */
  static RecordView of(
      List<UsageRecord> records,
      Instant start,
      Instant end,
      Granularity granularity,
      boolean showDetails) {
    List<UsageRecord> selected = new ArrayList<>();
    for (UsageRecord record : records) {
      if (!record.reportedAt.isBefore(start) && record.reportedAt.isBefore(end)) {
        selected.add(record);
      }
    }
    if (!showDetails) {
      selected = aggregate(selected);
    }
    return new RecordView(selected, granularity == Granularity.HOURLY);
  }

  /** Returns the number of records of the listing. */
  int size() {
    return hourly ? daily.size() * 24 : daily.size();
  }

  /** Returns the record at {@code index} of the listing. */
  UsageRecord get(int index) {
    if (!hourly) {
      return daily.get(index);
    }
    UsageRecord day = daily.get(index / 24);
    int hour = index % 24;
    BigDecimal part =
        day.quantity.divide(HOURS, Math.max(day.quantity.scale(), 0) + 3, RoundingMode.DOWN);
    BigDecimal quantity = hour < 23 ? part : day.quantity.subtract(part.multiply(FIRST_HOURS));
    OffsetDateTime start = day.start.plusHours(hour);
    OffsetDateTime end = hour < 23 ? day.start.plusHours(hour + 1L) : day.end;
    return day.derive(start, end, quantity, true);
  }

  private static List<UsageRecord> aggregate(List<UsageRecord> records) {
    Map<String, UsageRecord> groups = new LinkedHashMap<>();
    for (UsageRecord record : records) {
      String key = record.meter.id() + '|' + record.startText + '|' + record.endText;
      UsageRecord seen = groups.get(key);
      groups.put(
          key,
          seen == null
              ? record.derive(record.start, record.end, record.quantity, false)
              : seen.derive(seen.start, seen.end, seen.quantity.add(record.quantity), false));
    }
    return new ArrayList<>(groups.values());
  }
}
