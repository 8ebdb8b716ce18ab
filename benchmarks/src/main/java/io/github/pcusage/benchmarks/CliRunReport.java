package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The figures of one CLI run of {@link CliMemoryHarness}: {@code RESULT} lines for the harness and
 * a summary line. The full collections the live-heap samples caused are left out of the GC pauses,
 * and their time out of the wall time.
 */
final class CliRunReport {
  private CliRunReport() {}

  /**
   * Prints the figures of a run that wrote {@code lines} lines ({@code bytes} bytes) in {@code
   * wallNanos}, with its GC log at {@code gcLog}.
   *
   * @throws IllegalStateException if a checkpoint was not sampled, or the log does not show the
   *     samples' full collections
   */
  static void print(LiveHeapSampling sampling, Path gcLog, long wallNanos, long lines, long bytes)
      throws IOException {
    sampling.requireEveryCheckpoint();
    int samples = sampling.samples().size();
    GcLog log = GcLog.parse(gcLog);
    if (log.diagnosticPauses() < samples) {
      throw new IllegalStateException(
          gcLog
              + " shows "
              + log.diagnosticPauses()
              + " diagnostic full collections for "
              + samples
              + " samples: cannot exclude them");
    }
    double wallMillis = wallNanos / 1e6;
    double measuredMillis = wallMillis - log.diagnosticMillis();
    double share = log.pauseMillis() / measuredMillis;
    ForkedJvm.result("lines", lines);
    ForkedJvm.result("bytes", bytes);
    ForkedJvm.result("exitCode", 0);
    ForkedJvm.result("wallMillis", Math.round(wallMillis));
    ForkedJvm.result("measuredMillis", Math.round(measuredMillis));
    ForkedJvm.result("gcPauseMillis", String.format(Locale.ROOT, "%.1f", log.pauseMillis()));
    ForkedJvm.result("gcShare", String.format(Locale.ROOT, "%.4f", share));
    ForkedJvm.result("pauses", log.pauses());
    ForkedJvm.result("fullPauses", log.fullPauses());
    ForkedJvm.result("diagnosticPauses", log.diagnosticPauses());
    ForkedJvm.result(
        "diagnosticPauseMillis", String.format(Locale.ROOT, "%.1f", log.diagnosticMillis()));
    ForkedJvm.result("recordsPerSecond", Math.round(lines / (measuredMillis / 1e3)));
    for (LiveHeapSample sample : sampling.samples()) {
      ForkedJvm.result("liveHeap." + sample.checkpoint(), sample.bytes());
      ForkedJvm.result("liveHeap." + sample.checkpoint() + ".atRecords", sample.atRecords());
    }
    ForkedJvm.result("gcLog", gcLog);
    ForkedJvm.result("loadAverageAtEnd", ForkedJvm.loadAverage());
    System.out.printf(
        Locale.ROOT,
        "%,d lines in %.1f s (CLI start-up included): GC pauses %.0f ms = %.1f%% of the time"
            + " (%d pauses, %d full; %d diagnostic full GCs of %.0f ms excluded), %,d records/s;"
            + " load average %s%n",
        lines,
        wallMillis / 1e3,
        log.pauseMillis(),
        100 * share,
        log.pauses(),
        log.fullPauses(),
        log.diagnosticPauses(),
        log.diagnosticMillis(),
        Math.round(lines / (measuredMillis / 1e3)),
        ForkedJvm.loadAverage());
  }
}
