package io.github.pcusage.benchmarks;

import java.util.Properties;

/** Section 4 of {@link ReportTable}: {@link LatencyHidingHarness}, prefetch on and off. */
final class LatencySection {
  private LatencySection() {}

  /** Writes the section, if the harness was run ({@code latency} not {@code null}). */
  static void write(Markdown md, Properties latency) {
    if (latency == null) {
      return;
    }
    md.line("");
    md.line(
        "### 4. Latency hiding: %s pages, sandbox latency %s ms, consumer %s ms per page",
        latency.getProperty("pages"),
        latency.getProperty("latencyMs"),
        latency.getProperty("consumePerPageMs"));
    md.line("");
    md.line("| listing | time (median) | min - max | expected |");
    md.line("|---|---:|---:|---:|");
    md.line(
        "| fetch only (prefetch off, no consumer) | %s ms | %s - %s ms | %s ms per page |",
        latency.getProperty("fetchOnlyMs"),
        latency.getProperty("fetchOnlyMinMs"),
        latency.getProperty("fetchOnlyMaxMs"),
        latency.getProperty("fetchPerPageMs"));
    md.line(
        "| prefetch on (default) + consumer | %s ms | %s - %s ms | ~(pages+1) x max = %s ms |",
        latency.getProperty("prefetchOnMs"),
        latency.getProperty("prefetchOnMinMs"),
        latency.getProperty("prefetchOnMaxMs"),
        latency.getProperty("expectedMaxMs"));
    md.line(
        "| `prefetch(false)` + consumer | %s ms | %s - %s ms | ~pages x sum = %s ms |",
        latency.getProperty("prefetchOffMs"),
        latency.getProperty("prefetchOffMinMs"),
        latency.getProperty("prefetchOffMaxMs"),
        latency.getProperty("expectedSumMs"));
    double on = Double.parseDouble(latency.getProperty("prefetchOnMs"));
    double off = Double.parseDouble(latency.getProperty("prefetchOffMs"));
    double max = Double.parseDouble(latency.getProperty("expectedMaxMs"));
    md.line("");
    md.line(
        "- off/on = %.2fx; on/expected max = %.2f %s",
        off / on, on / max, Markdown.verdict(on <= 1.15 * max));
  }
}
