package io.github.pcusage.benchmarks;

import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section 5 of {@link ReportTable}: {@link ExportScalingHarness}, the speed-up of {@code pcusage
 * export --parallel N} and the time with 429s against its budget.
 */
final class ExportSection {
  private static final Pattern RETRY_AFTER = Pattern.compile("retry-after=(\\d+)");

  private ExportSection() {}

  /** Writes the section, if the harness was run ({@code export} not {@code null}). */
  static void write(Markdown md, Properties export) {
    if (export == null) {
      return;
    }
    md.line("");
    md.line(
        "### 5. `pcusage export`: %s targets, %s requests, %s records, sandbox latency %s ms",
        export.getProperty("targets"),
        export.getProperty("requests"),
        export.getProperty("records"),
        export.getProperty("latencyMs"));
    md.line("");
    md.line(
        "| run | wall time (incl. CLI start-up %s ms) | speed-up vs --parallel 1 |",
        export.getProperty("startupMs"));
    md.line("|---|---:|---:|");
    double fastest = scaling(md, export);
    faults(md, export, fastest);
  }

  /** The row of each {@code --parallel N}; returns the time of the last (highest N). */
  private static double scaling(Markdown md, Properties export) {
    double one = Double.parseDouble(export.getProperty("parallel.1.ms", "0"));
    String[] keys =
        export.stringPropertyNames().stream()
            .filter(k -> k.startsWith("parallel."))
            .sorted((x, y) -> Long.compare(parallelOf(x), parallelOf(y)))
            .toArray(String[]::new);
    double fastest = 0;
    for (String key : keys) {
      double ms = Double.parseDouble(export.getProperty(key));
      fastest = ms;
      md.line(
          "| `--parallel %d` | %,.0f ms | %s |",
          parallelOf(key), ms, one > 0 ? String.format(Locale.ROOT, "%.2fx", one / ms) : "-");
    }
    return fastest;
  }

  /** The row of the run with 429s, and its time against the budget. */
  private static void faults(Markdown md, Properties export, double fastest) {
    double faultsMs = Double.parseDouble(export.getProperty("faults.ms"));
    long served = Long.parseLong(export.getProperty("faults.served429"));
    Matcher retryAfter = RETRY_AFTER.matcher(export.getProperty("faults"));
    long retryAfterMs = retryAfter.find() ? 1000 * Long.parseLong(retryAfter.group(1)) : 1000;
    // The retried request's round trip under the load it is sent in: with --parallel N sharing
    // the cores with the sandbox, one request takes N x (wall time / requests), longer than at
    // --parallel 1.
    long faultParallel = Long.parseLong(export.getProperty("faults.parallel"));
    double requests = Double.parseDouble(export.getProperty("requests"));
    double roundTrip =
        Double.parseDouble(export.getProperty("parallel." + faultParallel + ".ms", "0"))
            * faultParallel
            / requests;
    double budget = fastest + served * (retryAfterMs + roundTrip);
    md.line(
        "| `--parallel %s`, faults `%s` | %,.0f ms | %d x 429 served, %s records written, none lost |",
        export.getProperty("faults.parallel"),
        export.getProperty("faults"),
        faultsMs,
        served,
        export.getProperty("faults.recordsWritten"));
    md.line("");
    md.line(
        "- with 429s: %,.0f ms, i.e. %,.0f ms more than without, %,.0f ms per 429 served; budget: fault-free %,.0f ms"
            + " + %d x (Retry-After %d ms + one round trip, %.0f ms at --parallel %d: wall x parallel / requests)"
            + " = %,.0f ms %s",
        faultsMs,
        faultsMs - fastest,
        served == 0 ? 0 : (faultsMs - fastest) / served,
        fastest,
        served,
        retryAfterMs,
        roundTrip,
        faultParallel,
        budget,
        Markdown.verdict(faultsMs <= budget));
  }

  private static long parallelOf(String key) {
    return Long.parseLong(key.split("\\.")[1]);
  }
}
