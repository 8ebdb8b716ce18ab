package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * One utilization record as the sandbox serves it, plus the hidden time it was reported to billing,
 * on which {@code start_time} and {@code end_time} filter.
 */
final class UsageRecord {
  final Meter meter;
  final ResourceInstance instance;
  final OffsetDateTime start;
  final OffsetDateTime end;
  final String startText;
  final String endText;
  final BigDecimal quantity;
  final Instant reportedAt;
  final Map<String, String> infoFields;
  final boolean hasRegion;

  /**
   * Creates a record.
   *
   * @param instance the resource instance, or null for a record without {@code instanceData}
   * @param hasRegion whether the record's {@code resource} carries {@code region}
   */
  UsageRecord(
      Meter meter,
      ResourceInstance instance,
      OffsetDateTime start,
      OffsetDateTime end,
      BigDecimal quantity,
      Instant reportedAt,
      Map<String, String> infoFields,
      boolean hasRegion) {
    this.meter = Objects.requireNonNull(meter, "meter == null");
    this.instance = instance;
    this.start = Objects.requireNonNull(start, "start == null");
    this.end = Objects.requireNonNull(end, "end == null");
    this.startText = Timestamps.format(start);
    this.endText = Timestamps.format(end);
    this.quantity = Objects.requireNonNull(quantity, "quantity == null");
    this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt == null");
    this.infoFields = Objects.requireNonNull(infoFields, "infoFields == null");
    this.hasRegion = hasRegion;
  }

  /** Returns this record with another period and quantity, and without instance data if asked. */
  UsageRecord derive(
      OffsetDateTime newStart,
      OffsetDateTime newEnd,
      BigDecimal newQuantity,
      boolean keepInstance) {
    return new UsageRecord(
        meter,
        keepInstance ? instance : null,
        newStart,
        newEnd,
        newQuantity,
        reportedAt,
        infoFields,
        hasRegion);
  }
}
