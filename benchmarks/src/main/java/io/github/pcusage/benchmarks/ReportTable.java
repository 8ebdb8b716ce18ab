package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Prints the results table of {@code benchmarks/run.sh} (markdown) from the JMH JSON results and
 * the harnesses' properties files, with every ratio against its target.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.ReportTable RESULTS_DIR
 * </pre>
 *
 * RESULTS_DIR holds {@code jmh.json}, {@code streaming.properties}, {@code retained.properties},
 * {@code cli-memory.properties}, {@code latency.properties} and {@code export.properties} (each
 * optional); the table is also written to {@code RESULTS_DIR/table.md}.
 */
public final class ReportTable {
  private final StringBuilder out = new StringBuilder();
  private final Map<String, JsonNode> jmh = new LinkedHashMap<>();

  private ReportTable() {}

  /**
   * Prints the table.
   *
   * @param args the results folder
   * @throws IOException if a result file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
    ReportTable table = new ReportTable();
    table.load(dir);
    String text = table.render(dir);
    System.out.print(text);
    Files.writeString(dir.resolve("table.md"), text, StandardCharsets.UTF_8);
  }

  private void load(Path dir) throws IOException {
    Path file = dir.resolve("jmh.json");
    if (Files.exists(file)) {
      for (JsonNode result : new ObjectMapper().readTree(file.toFile())) {
        String name = result.get("benchmark").asText();
        jmh.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
      }
    }
  }

  private String render(Path dir) throws IOException {
    line(
        "Java %s (%s), %d cores, %s, %s",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"),
        java.time.LocalDate.now());
    Path load = dir.resolve("load.txt");
    if (Files.exists(load)) {
      line(
          "1-minute load average before each part (other processes share the cores): %s",
          String.join(", ", Files.readAllLines(load, StandardCharsets.UTF_8)));
    }
    if (jmh.containsKey("PageDecodeBenchmark.sdkGenerated")) {
      int pageBytes = Fixtures.renderPage().length;
      double perRecord = pageBytes / (double) Fixtures.PAGE_SIZE;
      line("");
      line(
          "### 1. Page decode: one 1000-record page of %,d bytes (%.0f bytes per record)",
          pageBytes, perRecord);
      line("");
      line(
          "| decoder | records/s (median) | mean ± JMH error (99.9%%) | min - max | MB/s (median) | bytes allocated per record |");
      line("|---|---:|---:|---:|---:|---:|");
      decodeRow("(a) SDK, generated adapters", "PageDecodeBenchmark.sdkGenerated", perRecord);
      decodeRow(
          "(b) Moshi reflective, same models", "PageDecodeBenchmark.moshiReflective", perRecord);
      decodeRow("(c) Jackson databind, byte[]", "PageDecodeBenchmark.jacksonDatabind", perRecord);
      decodeRow("(d) Moshi JsonReader token walk", "PageDecodeBenchmark.moshiTokenWalk", perRecord);
      line("");
      ratio(
          "(a)/(c)",
          "PageDecodeBenchmark.sdkGenerated",
          "PageDecodeBenchmark.jacksonDatabind",
          1.0);
      ratio(
          "(a)/(b)",
          "PageDecodeBenchmark.sdkGenerated",
          "PageDecodeBenchmark.moshiReflective",
          1.4);
      ratio("(a)/(d)", "PageDecodeBenchmark.sdkGenerated", "PageDecodeBenchmark.moshiTokenWalk", 0);
    }
    if (jmh.containsKey("EndToEndBenchmark.sdkStream")) {
      line("");
      line(
          "### 2. End to end: %,d records, in-process sandbox on loopback, no latency, cached pages",
          EndToEndBenchmark.RECORDS);
      line("");
      line(
          "| client | records/s (median) | mean ± JMH error (99.9%%) | min - max | bytes allocated per record |");
      line("|---|---:|---:|---:|---:|");
      row("SDK `utilizations(...).stream()`, prefetch on", "EndToEndBenchmark.sdkStream");
      row("SDK, `prefetch(false)`", "EndToEndBenchmark.sdkStreamNoPrefetch");
      row("(e) plain OkHttp + Jackson databind", "EndToEndBenchmark.okHttpJackson");
      row("(f) plain OkHttp, bytes only (sandbox + transport)", "EndToEndBenchmark.okHttpBytes");
      line("");
      ratio("SDK/(e)", "EndToEndBenchmark.sdkStream", "EndToEndBenchmark.okHttpJackson", 1.1);
      ratio(
          "SDK prefetch off/(e)",
          "EndToEndBenchmark.sdkStreamNoPrefetch",
          "EndToEndBenchmark.okHttpJackson",
          0);
      ratio("SDK/(f)", "EndToEndBenchmark.sdkStream", "EndToEndBenchmark.okHttpBytes", 0);
    }
    Properties streaming = properties(dir.resolve("streaming.properties"));
    Properties retained = properties(dir.resolve("retained.properties"));
    if (streaming != null || retained != null) {
      line("");
      line("### 3. Memory");
      line("");
      line("| measure | value | target |");
      line("|---|---:|---|");
      if (streaming != null) {
        String heap = streaming.getProperty("heap");
        double share = Double.parseDouble(streaming.getProperty("gcShare"));
        line(
            "| streaming %,d records, `-Xmx%s` (%s): GC time share | %.1f %% (%s ms of %s ms) | < 10 %% %s |",
            Long.parseLong(streaming.getProperty("records")),
            heap,
            streaming.getProperty("gc"),
            100 * share,
            streaming.getProperty("gcMillis"),
            streaming.getProperty("wallMillis"),
            verdict(share < 0.10));
        for (String key :
            streaming.stringPropertyNames().stream()
                .filter(k -> k.startsWith("liveHeapAfterGc."))
                .sorted((x, y) -> Long.compare(suffix(x), suffix(y)))
                .toArray(String[]::new)) {
          line(
              "| live heap after GC at %,d records | %,d bytes | flat |",
              suffix(key), Long.parseLong(streaming.getProperty(key)));
        }
        line(
            "| streaming throughput at `-Xmx%s` | %,d records/s | - |",
            heap, Long.parseLong(streaming.getProperty("recordsPerSecond")));
        line(
            "| collections during the listing; bytes allocated per record | %s; %,d | - |",
            streaming.getProperty("gcCount"),
            Long.parseLong(streaming.getProperty("allocatedBytesPerRecord")));
      }
      if (retained != null) {
        double perRecord = Double.parseDouble(retained.getProperty("bytesPerRecord"));
        line(
            "| retained per record, %,d records kept in a List (`-Xmx%s`) | %.0f bytes | <= 1000 %s |",
            Long.parseLong(retained.getProperty("records")),
            retained.getProperty("heap"),
            perRecord,
            verdict(perRecord <= 1000));
      }
    }
    Properties cli = properties(dir.resolve("cli-memory.properties"));
    if (cli != null) {
      cliMemory(cli);
    }
    Properties latency = properties(dir.resolve("latency.properties"));
    if (latency != null) {
      line("");
      line(
          "### 4. Latency hiding: %s pages, sandbox latency %s ms, consumer %s ms per page",
          latency.getProperty("pages"),
          latency.getProperty("latencyMs"),
          latency.getProperty("consumePerPageMs"));
      line("");
      line("| listing | time (median) | min - max | expected |");
      line("|---|---:|---:|---:|");
      line(
          "| fetch only (prefetch off, no consumer) | %s ms | %s - %s ms | %s ms per page |",
          latency.getProperty("fetchOnlyMs"),
          latency.getProperty("fetchOnlyMinMs"),
          latency.getProperty("fetchOnlyMaxMs"),
          latency.getProperty("fetchPerPageMs"));
      line(
          "| prefetch on (default) + consumer | %s ms | %s - %s ms | ~(pages+1) x max = %s ms |",
          latency.getProperty("prefetchOnMs"),
          latency.getProperty("prefetchOnMinMs"),
          latency.getProperty("prefetchOnMaxMs"),
          latency.getProperty("expectedMaxMs"));
      line(
          "| `prefetch(false)` + consumer | %s ms | %s - %s ms | ~pages x sum = %s ms |",
          latency.getProperty("prefetchOffMs"),
          latency.getProperty("prefetchOffMinMs"),
          latency.getProperty("prefetchOffMaxMs"),
          latency.getProperty("expectedSumMs"));
      double on = Double.parseDouble(latency.getProperty("prefetchOnMs"));
      double off = Double.parseDouble(latency.getProperty("prefetchOffMs"));
      double max = Double.parseDouble(latency.getProperty("expectedMaxMs"));
      line("");
      line(
          "- off/on = %.2fx; on/expected max = %.2f %s",
          off / on, on / max, verdict(on <= 1.15 * max));
    }
    Properties export = properties(dir.resolve("export.properties"));
    if (export != null) {
      line("");
      line(
          "### 5. `pcusage export`: %s targets, %s requests, %s records, sandbox latency %s ms",
          export.getProperty("targets"),
          export.getProperty("requests"),
          export.getProperty("records"),
          export.getProperty("latencyMs"));
      line("");
      line(
          "| run | wall time (incl. CLI start-up %s ms) | speed-up vs --parallel 1 |",
          export.getProperty("startupMs"));
      line("|---|---:|---:|");
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
        line(
            "| `--parallel %d` | %,.0f ms | %s |",
            parallelOf(key), ms, one > 0 ? String.format(Locale.ROOT, "%.2fx", one / ms) : "-");
      }
      double faultsMs = Double.parseDouble(export.getProperty("faults.ms"));
      long served = Long.parseLong(export.getProperty("faults.served429"));
      java.util.regex.Matcher retryAfter =
          java.util.regex.Pattern.compile("retry-after=(\\d+)")
              .matcher(export.getProperty("faults"));
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
      line(
          "| `--parallel %s`, faults `%s` | %,.0f ms | %d x 429 served, %s records written, none lost |",
          export.getProperty("faults.parallel"),
          export.getProperty("faults"),
          faultsMs,
          served,
          export.getProperty("faults.recordsWritten"));
      line("");
      line(
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
          verdict(faultsMs <= budget));
    }
    return out.toString();
  }

  /** Section 3b, from {@link CliMemoryHarness}'s properties. */
  private void cliMemory(Properties cli) {
    String heap = cli.getProperty("heap");
    int runs = Integer.parseInt(cli.getProperty("runs", "1"));
    line("");
    line(
        "### 3b. The CLI writing %,d records to a file at `-Xmx%s` (`pcusage utilization --out`, in its own JVM)",
        Long.parseLong(cli.getProperty("records")), heap);
    line("");
    line("| measure | value | target |");
    line("|---|---:|---|");
    List<String> excluded = new ArrayList<>();
    for (String gc : cli.getProperty("gcs").split(",")) {
      for (int run = 1; run <= runs; run++) {
        String prefix = gc + ".run" + run + ".";
        if (cli.getProperty(prefix + "gcShare") == null) {
          continue;
        }
        String label = runs > 1 ? gc + ", run " + run : gc;
        double share = Double.parseDouble(cli.getProperty(prefix + "gcShare"));
        line(
            "| %s: GC pauses / wall time | %.1f %% (%s ms of %,d ms; %s pauses) | < 10 %% %s |",
            label,
            100 * share,
            cli.getProperty(prefix + "gcPauseMillis"),
            Long.parseLong(cli.getProperty(prefix + "measuredMillis")),
            cli.getProperty(prefix + "pauses"),
            verdict(share < 0.10));
        List<String> at = new ArrayList<>();
        List<String> megabytes = new ArrayList<>();
        long min = Long.MAX_VALUE;
        long max = 0;
        for (String key :
            cli.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix + "liveHeap.") && !k.endsWith(".atRecords"))
                .sorted((x, y) -> Long.compare(suffix(x), suffix(y)))
                .toArray(String[]::new)) {
          long bytes = Long.parseLong(cli.getProperty(key));
          min = Math.min(min, bytes);
          max = Math.max(max, bytes);
          at.add(
              String.format(
                  Locale.ROOT, "%,d", Long.parseLong(cli.getProperty(key + ".atRecords"))));
          megabytes.add(String.format(Locale.ROOT, "%.1f", bytes / 1e6));
        }
        if (!at.isEmpty()) {
          line(
              "| %s: live heap after full GC at %s records | %s MB (spread %.1f MB) | flat |",
              label, String.join(" / ", at), String.join(" / ", megabytes), (max - min) / 1e6);
        }
        line(
            "| %s: wall time (CLI start-up included); throughput; lines written | %,d ms; %,d records/s; %,d | - |",
            label,
            Long.parseLong(cli.getProperty(prefix + "wallMillis")),
            Long.parseLong(cli.getProperty(prefix + "recordsPerSecond")),
            Long.parseLong(cli.getProperty(prefix + "lines")));
        excluded.add(
            String.format(
                Locale.ROOT,
                "%s %s (%s ms)",
                label,
                cli.getProperty(prefix + "diagnosticPauses"),
                cli.getProperty(prefix + "diagnosticPauseMillis")));
      }
    }
    line("");
    line(
        "- GC pauses are every `Pause` line of the CLI's `-Xlog:gc` but the full collections the live-heap"
            + " samples caused (`GC.class_histogram`: %s), whose time is also taken off the wall time;"
            + " a checkpoint at the last record is sampled a little before it, at the count shown.",
        String.join(", ", excluded));
  }

  private static long parallelOf(String key) {
    return Long.parseLong(key.split("\\.")[1]);
  }

  private void decodeRow(String label, String key, double bytesPerRecord) {
    JsonNode metric = jmh.get(key).get("primaryMetric");
    double median = metric.get("scorePercentiles").get("50.0").asDouble();
    line(
        "| %s | %,.0f | %,.0f ± %,.0f | %,.0f - %,.0f | %.1f | %s |",
        label,
        median,
        metric.get("score").asDouble(),
        metric.get("scoreError").asDouble(),
        metric.get("scorePercentiles").get("0.0").asDouble(),
        metric.get("scorePercentiles").get("100.0").asDouble(),
        median * bytesPerRecord / 1e6,
        allocated(key));
  }

  private void row(String label, String key) {
    JsonNode result = jmh.get(key);
    if (result == null) {
      return;
    }
    JsonNode metric = result.get("primaryMetric");
    line(
        "| %s | %,.0f | %,.0f ± %,.0f | %,.0f - %,.0f | %s |",
        label,
        median(key),
        metric.get("score").asDouble(),
        metric.get("scoreError").asDouble(),
        metric.get("scorePercentiles").get("0.0").asDouble(),
        metric.get("scorePercentiles").get("100.0").asDouble(),
        allocated(key));
  }

  private void ratio(String label, String numerator, String denominator, double target) {
    if (!jmh.containsKey(numerator) || !jmh.containsKey(denominator)) {
      return;
    }
    double ratio = median(numerator) / median(denominator);
    if (target > 0) {
      line("- %s = %.2fx (target >= %.1fx) %s", label, ratio, target, verdict(ratio >= target));
    } else {
      line("- %s = %.2fx (reported)", label, ratio);
    }
  }

  /** JMH's {@code -prof gc} bytes allocated per op (per record here), when it was on. */
  private String allocated(String key) {
    JsonNode secondary = jmh.get(key).get("secondaryMetrics");
    JsonNode norm = secondary == null ? null : secondary.get("gc.alloc.rate.norm");
    return norm == null ? "-" : String.format(Locale.ROOT, "%,.0f", norm.get("score").asDouble());
  }

  private double median(String key) {
    return jmh.get(key).get("primaryMetric").get("scorePercentiles").get("50.0").asDouble();
  }

  private static String verdict(boolean met) {
    return met ? "**met**" : "**NOT met**";
  }

  private static long suffix(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('.') + 1));
  }

  private static Properties properties(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
