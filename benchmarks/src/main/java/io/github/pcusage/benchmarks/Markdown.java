package io.github.pcusage.benchmarks;

import java.util.Locale;

/** The markdown text of {@link ReportTable}, written line by line. */
final class Markdown {
  private final StringBuilder out = new StringBuilder();

  /** Appends one line: {@code format} and {@code args} as {@link String#format} (root locale). */
  void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** How a figure compares with its target, in bold. */
  static String verdict(boolean met) {
    return met ? "**met**" : "**NOT met**";
  }

  /** The text so far. */
  String text() {
    return out.toString();
  }
}
