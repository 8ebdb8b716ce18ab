package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pauses of an {@code -Xlog:gc} log, those the live-heap samples caused apart: every {@code
 * Pause} line counts (for G1 also {@code Pause Remark} and {@code Pause Cleanup}) but the full
 * collections of a diagnostic command.
 */
record GcLog(
    long pauses,
    double pauseMillis,
    long fullPauses,
    long diagnosticPauses,
    double diagnosticMillis) {

  /** Causes of the full collections that the live-heap samples themselves trigger. */
  private static final List<String> DIAGNOSTIC_CAUSES =
      List.of("(Heap Inspection Initiated GC)", "(Heap Dump Initiated GC)", "(Diagnostic Command)");

  /**
   * A pause line of {@code -Xlog:gc}: {@code GC(12) Pause Young (Normal) (...) 9M->2M(32M)
   * 1.234ms}.
   */
  private static final Pattern PAUSE =
      Pattern.compile("GC\\(\\d+\\) Pause (\\w+).*?(\\d+(?:\\.\\d+)?)ms\\s*$");

  /** Reads the pauses of the log {@code file}. */
  static GcLog parse(Path file) throws IOException {
    long pauses = 0;
    double millis = 0;
    long full = 0;
    long diagnostic = 0;
    double diagnosticMillis = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher pause = PAUSE.matcher(line);
      if (!pause.find()) {
        continue;
      }
      double ms = Double.parseDouble(pause.group(2));
      if (DIAGNOSTIC_CAUSES.stream().anyMatch(line::contains)) {
        diagnostic++;
        diagnosticMillis += ms;
      } else {
        pauses++;
        millis += ms;
        if (pause.group(1).equals("Full")) {
          full++;
        }
      }
    }
    return new GcLog(pauses, millis, full, diagnostic, diagnosticMillis);
  }
}
