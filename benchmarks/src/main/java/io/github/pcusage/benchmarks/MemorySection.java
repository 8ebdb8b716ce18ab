package io.github.pcusage.benchmarks;

import java.util.Properties;

/**
 * Section 3 of {@link ReportTable}: the SDK streaming at a small heap ({@link
 * StreamingMemoryHarness}) and keeping records ({@link RetainedMemoryHarness}).
 */
final class MemorySection {
  private MemorySection() {}

  /** Writes the section, if either harness was run ({@code null} for one that was not). */
  static void write(Markdown md, Properties streaming, Properties retained) {
    if (streaming == null && retained == null) {
      return;
    }
    md.line("");
    md.line("### 3. Memory");
    md.line("");
    md.line("| measure | value | target |");
    md.line("|---|---:|---|");
    if (streaming != null) {
      streaming(md, streaming);
    }
    if (retained != null) {
      double perRecord = Double.parseDouble(retained.getProperty("bytesPerRecord"));
      md.line(
          "| retained per record, %,d records kept in a List (`-Xmx%s`) | %.0f bytes | <= 1000 %s |",
          Long.parseLong(retained.getProperty("records")),
          retained.getProperty("heap"),
          perRecord,
          Markdown.verdict(perRecord <= 1000));
    }
  }

  private static void streaming(Markdown md, Properties streaming) {
    String heap = streaming.getProperty("heap");
    double share = Double.parseDouble(streaming.getProperty("gcShare"));
    md.line(
        "| streaming %,d records, `-Xmx%s` (%s): GC time share | %.1f %% (%s ms of %s ms) | < 10 %% %s |",
        Long.parseLong(streaming.getProperty("records")),
        heap,
        streaming.getProperty("gc"),
        100 * share,
        streaming.getProperty("gcMillis"),
        streaming.getProperty("wallMillis"),
        Markdown.verdict(share < 0.10));
    for (String key :
        streaming.stringPropertyNames().stream()
            .filter(k -> k.startsWith("liveHeapAfterGc."))
            .sorted((x, y) -> Long.compare(ResultProperties.suffix(x), ResultProperties.suffix(y)))
            .toArray(String[]::new)) {
      md.line(
          "| live heap after GC at %,d records | %,d bytes | flat |",
          ResultProperties.suffix(key), Long.parseLong(streaming.getProperty(key)));
    }
    md.line(
        "| streaming throughput at `-Xmx%s` | %,d records/s | - |",
        heap, Long.parseLong(streaming.getProperty("recordsPerSecond")));
    md.line(
        "| collections during the listing; bytes allocated per record | %s; %,d | - |",
        streaming.getProperty("gcCount"),
        Long.parseLong(streaming.getProperty("allocatedBytesPerRecord")));
  }
}
