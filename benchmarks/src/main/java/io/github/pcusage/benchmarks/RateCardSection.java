package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Properties;

/**
 * Section 6 of {@link ReportTable}: the rate card decoded by each decoder ({@link
 * RateCardDecodeBenchmark}, its own JMH results) and through the client at a small heap ({@link
 * RateCardMemoryHarness}).
 */
final class RateCardSection {
  private static final String SDK = "RateCardDecodeBenchmark.sdkGenerated";
  private static final String JACKSON = "RateCardDecodeBenchmark.jacksonDatabind";
  private static final String WALK = "RateCardDecodeBenchmark.moshiTokenWalk";

  private RateCardSection() {}

  /** Writes the section, if either part was run ({@code memory} {@code null} if it was not). */
  static void write(Markdown md, JmhResults jmh, Properties memory) {
    if (!jmh.contains(SDK) && memory == null) {
      return;
    }
    boolean measured = memory != null;
    int meters =
        measured ? Integer.parseInt(memory.getProperty("expectedMeters")) : RateCards.METERS;
    int cardBytes =
        measured
            ? Integer.parseInt(memory.getProperty("cardBytes"))
            : RateCards.render(meters).length;
    md.line("");
    md.line(
        "### 6. Rate card decode: one %,d-meter Azure rate card of %,d bytes", meters, cardBytes);
    if (jmh.contains(SDK)) {
      if (meters != RateCards.METERS) { // the benchmark decodes the full-size card
        cardBytes = RateCards.render(RateCards.METERS).length;
        md.line("");
        md.line("Decoders: the %,d-meter card, %,d bytes.", RateCards.METERS, cardBytes);
      }
      md.line("");
      md.line(
          "| decoder | cards/s (median) | mean ± JMH error (99.9%%) | min - max | MB/s (median) | bytes allocated per card |");
      md.line("|---|---:|---:|---:|---:|---:|");
      row(md, jmh, "(a) SDK, generated adapters", SDK, cardBytes);
      row(md, jmh, "(b) Jackson databind, byte[], same field types", JACKSON, cardBytes);
      row(md, jmh, "(c) Moshi JsonReader token walk", WALK, cardBytes);
      md.line("");
      JmhRows rows = new JmhRows(md, jmh);
      rows.ratio("(a)/(b)", SDK, JACKSON, 1.0);
      rows.ratio("(a)/(c)", SDK, WALK, 0);
    }
    if (memory != null) {
      memory(md, memory);
    }
  }

  private static void row(Markdown md, JmhResults jmh, String label, String key, int cardBytes) {
    JsonNode result = jmh.get(key);
    if (result == null) {
      return;
    }
    JsonNode metric = result.get("primaryMetric");
    double median = jmh.median(key);
    md.line(
        "| %s | %,.1f | %,.1f ± %,.1f | %,.1f - %,.1f | %.1f | %s |",
        label,
        median,
        metric.get("score").asDouble(),
        metric.get("scoreError").asDouble(),
        metric.get("scorePercentiles").get("0.0").asDouble(),
        metric.get("scorePercentiles").get("100.0").asDouble(),
        median * cardBytes / 1e6,
        jmh.allocated(key));
  }

  private static void memory(Markdown md, Properties memory) {
    long meters = Long.parseLong(memory.getProperty("meters"));
    long expected = Long.parseLong(memory.getProperty("expectedMeters"));
    long retained = Long.parseLong(memory.getProperty("retainedBytes"));
    String heap = memory.getProperty("heap");
    md.line("");
    md.line("| measure | value | target |");
    md.line("|---|---:|---|");
    md.line(
        "| `client.azureRateCard()` at `-Xmx%s` (%s): meters decoded; excluded meter ids | %,d of %,d; %s | all, at `-Xmx64m` %s |",
        heap,
        memory.getProperty("gc"),
        meters,
        expected,
        memory.getProperty("excludedMeterIds"),
        Markdown.verdict(meters == expected && "64m".equals(heap)));
    md.line(
        "| live heap after GC: before the call / with the card held / after letting it go | %,d / %,d / %,d bytes | - |",
        Long.parseLong(memory.getProperty("heapBeforeBytes")),
        Long.parseLong(memory.getProperty("heapWithCardBytes")),
        Long.parseLong(memory.getProperty("heapWithoutCardBytes")));
    md.line(
        "| retained size of the decoded card (with - before) | %,d bytes (%.1f MB; %s bytes per meter; %.2fx the card's bytes) | reported |",
        retained,
        retained / 1e6,
        memory.getProperty("bytesPerMeter"),
        retained / Double.parseDouble(memory.getProperty("cardBytes")));
    md.line(
        "| the call (fetch + decode, warm); collections during it | %,d ms; %s (%s ms) | - |",
        Long.parseLong(memory.getProperty("callMillis")),
        memory.getProperty("gcCount"),
        memory.getProperty("gcMillis"));
  }
}
