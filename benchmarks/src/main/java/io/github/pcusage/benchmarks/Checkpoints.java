package io.github.pcusage.benchmarks;

import java.util.Arrays;

/** The {@code checkpoints} option: record counts at which a harness samples the live heap. */
final class Checkpoints {
  private Checkpoints() {}

  /**
   * Parses a comma-separated list of record counts ({@code _} allowed as a digit separator) into
   * distinct values in ascending order.
   *
   * @throws IllegalArgumentException if there is none, or one is below 1
   */
  static long[] parse(String checkpoints) {
    long[] values =
        Arrays.stream(checkpoints.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .mapToLong(s -> Long.parseLong(s.replace("_", "")))
            .sorted()
            .distinct()
            .toArray();
    if (values.length == 0 || values[0] < 1) {
      throw new IllegalArgumentException("checkpoints: need record counts >= 1: " + checkpoints);
    }
    return values;
  }
}
