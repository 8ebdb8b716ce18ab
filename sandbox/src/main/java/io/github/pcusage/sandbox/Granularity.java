package io.github.pcusage.sandbox;

import java.util.Locale;

/** The {@code granularity} query parameter: one record per day or per hour. */
enum Granularity {
  DAILY("daily"),
  HOURLY("hourly");

  private final String wire;

  Granularity(String wire) {
    this.wire = wire;
  }

  /** Returns the lower-case wire name. */
  String wire() {
    return wire;
  }

  /** Returns the name as the service echoes it in self links: {@code Daily} or {@code Hourly}. */
  String echo() {
    return Character.toUpperCase(wire.charAt(0)) + wire.substring(1);
  }

  /**
   * Parses a wire name, ignoring case as the service does.
   *
   * @throws IllegalArgumentException if it is neither daily nor hourly
   */
  static Granularity parse(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (Granularity g : values()) {
      if (g.wire.equals(lower)) {
        return g;
      }
    }
    throw new IllegalArgumentException("granularity must be daily or hourly: " + value);
  }
}
