package io.github.pcusage.benchmarks;

/** Section 2 of {@link ReportTable}: {@link EndToEndBenchmark}, each client and the ratios. */
final class EndToEndSection {
  private EndToEndSection() {}

  /** Writes the section, if the benchmark was run. */
  static void write(Markdown md, JmhResults jmh) {
    if (!jmh.contains("EndToEndBenchmark.sdkStream")) {
      return;
    }
    JmhRows rows = new JmhRows(md, jmh);
    md.line("");
    md.line(
        "### 2. End to end: %,d records, in-process sandbox on loopback, no latency, cached pages",
        EndToEndBenchmark.RECORDS);
    md.line("");
    md.line(
        "| client | records/s (median) | mean ± JMH error (99.9%%) | min - max | bytes allocated per record |");
    md.line("|---|---:|---:|---:|---:|");
    rows.row("SDK `utilizations(...).stream()`, prefetch on", "EndToEndBenchmark.sdkStream");
    rows.row("SDK, `prefetch(false)`", "EndToEndBenchmark.sdkStreamNoPrefetch");
    rows.row("(e) plain OkHttp + Jackson databind", "EndToEndBenchmark.okHttpJackson");
    rows.row("(f) plain OkHttp, bytes only (sandbox + transport)", "EndToEndBenchmark.okHttpBytes");
    md.line("");
    rows.ratio("SDK/(e)", "EndToEndBenchmark.sdkStream", "EndToEndBenchmark.okHttpJackson", 1.1);
    rows.ratio(
        "SDK prefetch off/(e)",
        "EndToEndBenchmark.sdkStreamNoPrefetch",
        "EndToEndBenchmark.okHttpJackson",
        0);
    rows.ratio("SDK/(f)", "EndToEndBenchmark.sdkStream", "EndToEndBenchmark.okHttpBytes", 0);
  }
}
