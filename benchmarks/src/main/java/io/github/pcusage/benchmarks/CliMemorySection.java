package io.github.pcusage.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Section 3b of {@link ReportTable}: the CLI writing records to a file at a small heap, from {@link
 * CliMemoryHarness}'s properties; rows per collector and run.
 */
final class CliMemorySection {
  private CliMemorySection() {}

  /** Writes the section, if the harness was run ({@code cli} not {@code null}). */
  static void write(Markdown md, Properties cli) {
    if (cli == null) {
      return;
    }
    String heap = cli.getProperty("heap");
    int runs = Integer.parseInt(cli.getProperty("runs", "1"));
    md.line("");
    md.line(
        "### 3b. The CLI writing %,d records to a file at `-Xmx%s` (`pcusage utilization --out`, in its own JVM)",
        Long.parseLong(cli.getProperty("records")), heap);
    md.line("");
    md.line("| measure | value | target |");
    md.line("|---|---:|---|");
    List<String> excluded = new ArrayList<>();
    for (String gc : cli.getProperty("gcs").split(",")) {
      for (int run = 1; run <= runs; run++) {
        String prefix = gc + ".run" + run + ".";
        if (cli.getProperty(prefix + "gcShare") == null) {
          continue;
        }
        String label = runs > 1 ? gc + ", run " + run : gc;
        rows(md, cli, prefix, label);
        excluded.add(
            String.format(
                Locale.ROOT,
                "%s %s (%s ms)",
                label,
                cli.getProperty(prefix + "diagnosticPauses"),
                cli.getProperty(prefix + "diagnosticPauseMillis")));
      }
    }
    md.line("");
    md.line(
        "- GC pauses are every `Pause` line of the CLI's `-Xlog:gc` but the full collections the live-heap"
            + " samples caused (`GC.class_histogram`: %s), whose time is also taken off the wall time;"
            + " a checkpoint at the last record is sampled a little before it, at the count shown.",
        String.join(", ", excluded));
  }

  /** The rows of one run, whose keys start with {@code prefix}. */
  private static void rows(Markdown md, Properties cli, String prefix, String label) {
    double share = Double.parseDouble(cli.getProperty(prefix + "gcShare"));
    md.line(
        "| %s: GC pauses / wall time | %.1f %% (%s ms of %,d ms; %s pauses) | < 10 %% %s |",
        label,
        100 * share,
        cli.getProperty(prefix + "gcPauseMillis"),
        Long.parseLong(cli.getProperty(prefix + "measuredMillis")),
        cli.getProperty(prefix + "pauses"),
        Markdown.verdict(share < 0.10));
    List<String> at = new ArrayList<>();
    List<String> megabytes = new ArrayList<>();
    long min = Long.MAX_VALUE;
    long max = 0;
    for (String key :
        cli.stringPropertyNames().stream()
            .filter(k -> k.startsWith(prefix + "liveHeap.") && !k.endsWith(".atRecords"))
            .sorted((x, y) -> Long.compare(ResultProperties.suffix(x), ResultProperties.suffix(y)))
            .toArray(String[]::new)) {
      long bytes = Long.parseLong(cli.getProperty(key));
      min = Math.min(min, bytes);
      max = Math.max(max, bytes);
      at.add(
          String.format(Locale.ROOT, "%,d", Long.parseLong(cli.getProperty(key + ".atRecords"))));
      megabytes.add(String.format(Locale.ROOT, "%.1f", bytes / 1e6));
    }
    if (!at.isEmpty()) {
      md.line(
          "| %s: live heap after full GC at %s records | %s MB (spread %.1f MB) | flat |",
          label, String.join(" / ", at), String.join(" / ", megabytes), (max - min) / 1e6);
    }
    md.line(
        "| %s: wall time (CLI start-up included); throughput; lines written | %,d ms; %,d records/s; %,d | - |",
        label,
        Long.parseLong(cli.getProperty(prefix + "wallMillis")),
        Long.parseLong(cli.getProperty(prefix + "recordsPerSecond")),
        Long.parseLong(cli.getProperty(prefix + "lines")));
  }
}
