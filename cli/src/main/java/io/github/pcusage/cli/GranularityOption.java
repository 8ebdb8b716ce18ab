package io.github.pcusage.cli;

import io.github.pcusage.model.Granularity;

/** The values of {@code --granularity}. */
enum GranularityOption {
  daily(Granularity.DAILY),
  hourly(Granularity.HOURLY);

  final Granularity granularity;

  GranularityOption(Granularity granularity) {
    this.granularity = granularity;
  }
}
