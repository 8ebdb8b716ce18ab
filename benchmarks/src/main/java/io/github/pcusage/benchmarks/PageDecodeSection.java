package io.github.pcusage.benchmarks;

/** Section 1 of {@link ReportTable}: {@link PageDecodeBenchmark}, each decoder and the ratios. */
final class PageDecodeSection {
  private PageDecodeSection() {}

  /** Writes the section, if the benchmark was run. */
  static void write(Markdown md, JmhResults jmh) {
    if (!jmh.contains("PageDecodeBenchmark.sdkGenerated")) {
      return;
    }
    JmhRows rows = new JmhRows(md, jmh);
    int pageBytes = Fixtures.renderPage().length;
    double perRecord = pageBytes / (double) Fixtures.PAGE_SIZE;
    md.line("");
    md.line(
        "### 1. Page decode: one 1000-record page of %,d bytes (%.0f bytes per record)",
        pageBytes, perRecord);
    md.line("");
    md.line(
        "| decoder | records/s (median) | mean ± JMH error (99.9%%) | min - max | MB/s (median) | bytes allocated per record |");
    md.line("|---|---:|---:|---:|---:|---:|");
    rows.decodeRow("(a) SDK, generated adapters", "PageDecodeBenchmark.sdkGenerated", perRecord);
    rows.decodeRow(
        "(b) Moshi reflective, same models", "PageDecodeBenchmark.moshiReflective", perRecord);
    rows.decodeRow(
        "(c) Jackson databind, byte[]", "PageDecodeBenchmark.jacksonDatabind", perRecord);
    rows.decodeRow(
        "(d) Moshi JsonReader token walk", "PageDecodeBenchmark.moshiTokenWalk", perRecord);
    md.line("");
    rows.ratio(
        "(a)/(c)", "PageDecodeBenchmark.sdkGenerated", "PageDecodeBenchmark.jacksonDatabind", 1.0);
    rows.ratio(
        "(a)/(b)", "PageDecodeBenchmark.sdkGenerated", "PageDecodeBenchmark.moshiReflective", 1.4);
    rows.ratio(
        "(a)/(d)", "PageDecodeBenchmark.sdkGenerated", "PageDecodeBenchmark.moshiTokenWalk", 0);
  }
}
