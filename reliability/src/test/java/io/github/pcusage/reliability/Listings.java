package io.github.pcusage.reliability;

import io.github.pcusage.UtilizationQuery;
import java.time.OffsetDateTime;
import java.util.List;

/** The listings the fault matrix reads: one customer, four subscriptions of 20 to 35 pages. */
final class Listings {
  static final String CUSTOMER = "c0ffee00-0000-4000-8000-00000000fa01";
  static final List<String> SUBSCRIPTIONS =
      List.of(
          "5ab5c12e-0000-4000-8000-000000000001",
          "5ab5c12e-0000-4000-8000-000000000002",
          "5ab5c12e-0000-4000-8000-000000000003",
          "5ab5c12e-0000-4000-8000-000000000004");
  static final int PAGE_SIZE = 20;

  /** A window that holds every record of a pair configured with {@code scenarios().pages(...)}. */
  static final OffsetDateTime START = OffsetDateTime.parse("2026-09-01T00:00:00Z");

  static final OffsetDateTime END = OffsetDateTime.parse("2026-12-01T00:00:00Z");

  private Listings() {}

  static int pages(int subscriptionIndex) {
    return 20 + 5 * subscriptionIndex;
  }

  static UtilizationQuery query(int pageSize) {
    return UtilizationQuery.builder().startTime(START).endTime(END).pageSize(pageSize).build();
  }
}
