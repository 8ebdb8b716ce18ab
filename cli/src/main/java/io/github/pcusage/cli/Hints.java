package io.github.pcusage.cli;

import io.github.pcusage.model.Granularity;

/** One-line hints for results that usually puzzle people. */
final class Hints {
  private Hints() {}

  /** Returns the hint for an empty listing. */
  static String empty(Granularity granularity) {
    if (granularity == Granularity.HOURLY) {
      return "hint: the hourly listing is empty: hourly data is not kept for every subscription and period;"
          + " try --granularity daily (the window selects by the time usage was reported, not consumed)";
    }
    return "hint: no usage was reported in this window: it selects by the time usage was reported, not consumed,"
        + " and Azure plan subscriptions have no records here (legacy MS-AZR-0145P subscriptions only)";
  }
}
