package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Target 3 through the CLI: {@code pcusage utilization --out FILE} (the CLI jar, in its own JVM
 * limited to {@code -Xms32m -Xmx32m}) writing a million records to a JSONL file, once per garbage
 * collector. Reports the child's wall time, the share of it spent in GC pauses (from its {@code
 * -Xlog:gc} log) and the live heap after a full GC at each checkpoint, which should stay flat.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.CliMemoryHarness \
 *     [cli=cli/target/pcusage.jar] [records=1000000] [checkpoints=100000,300000,1000000]
 *     [heap=32m] [gcs=G1,Serial] [runs=1] [latencyMs=0] [out=FILE]
 * </pre>
 *
 * <p>The harness's JVM runs the sandbox (one customer, one subscription, {@code records} rounded up
 * to whole 1000-record pages, every page rendered into its cache first so that the CLI never waits
 * for rendering) and, per collector and run, forks a monitor JVM ({@link CliMonitor}) that starts
 * the CLI and watches it; only the CLI's heap is limited and measured. The monitor follows {@code
 * FILE.partial}, counting its newlines, and when a checkpoint is passed runs {@code
 * GC.class_histogram} in the CLI (as {@code jcmd PID GC.class_histogram} does, through the attach
 * API so that no extra JVM starts at that moment): the histogram's total is the live heap after a
 * full GC. A checkpoint at or past the last record is sampled a little before the end (the process
 * would be gone), at about the records the CLI writes while one sample is taken, twice, and at
 * least one page before the last record; every sample reports the record count it was taken at.
 *
 * <p>The full collections the samples cause (cause {@code Heap Inspection Initiated GC}, or {@code
 * Diagnostic Command}/{@code Heap Dump Initiated GC}) are excluded from the GC pauses and their
 * time from the wall time; every other {@code Pause} line of the log counts (for G1 also {@code
 * Pause Remark} and {@code Pause Cleanup}). The wall time includes the CLI's JVM start-up. Every
 * run must exit 0 and write exactly one line per record, or the harness fails.
 *
 * <p>{@code gcs} names collectors as in {@code -XX:+Use<name>GC}; {@code latencyMs} delays every
 * sandbox answer (0 for measuring; tiny test runs use it so that the samples fit in).
 */
public final class CliMemoryHarness {
  private CliMemoryHarness() {}

  /**
   * Runs the harness.
   *
   * @param args {@code key=value} options, see the class comment
   * @throws IOException if the work folder cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--monitor")) {
      CliMonitor.run(args);
      return;
    }
    Options options = Options.parse(args);
    Properties results =
        run(
            Path.of(options.text("cli", "cli/target/pcusage.jar")),
            options.integer("records", 1_000_000),
            options.text("checkpoints", "100000,300000,1000000"),
            options.text("heap", "32m"),
            options.text("gcs", "G1,Serial"),
            options.integer("runs", 1),
            options.integer("latencyMs", 0));
    ForkedJvm.save(results, options.text("out", null));
  }

  static Properties run(
      Path cli, int records, String checkpoints, String heap, String gcs, int runs, int latencyMs)
      throws IOException {
    if (!Files.isRegularFile(cli)) {
      throw new IllegalArgumentException("no CLI jar at " + cli + ": build cli/ first");
    }
    List<String> collectors =
        Arrays.stream(gcs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (collectors.isEmpty() || runs < 1 || records < 1) {
      throw new IllegalArgumentException("need records >= 1, runs >= 1 and a collector in gcs");
    }
    for (String gc : collectors) {
      if (!gc.matches("[A-Za-z0-9]+")) {
        throw new IllegalArgumentException("gcs: not a collector name: " + gc);
      }
    }
    long[] sorted = Checkpoints.parse(checkpoints);
    Path work = Files.createTempDirectory("pcusage-cli-memory");
    int pages = (records + Fixtures.PAGE_SIZE - 1) / Fixtures.PAGE_SIZE;
    Properties results = new Properties();
    try (Fixtures.Listing listing = Fixtures.cachedListing(pages, Duration.ofMillis(latencyMs))) {
      results.setProperty("records", String.valueOf(listing.records));
      results.setProperty("heap", heap);
      results.setProperty("gcs", String.join(",", collectors));
      results.setProperty("runs", String.valueOf(runs));
      results.setProperty("latencyMs", String.valueOf(latencyMs));
      results.setProperty(
          "checkpoints",
          String.join(",", Arrays.stream(sorted).mapToObj(String::valueOf).toList()));
      System.out.printf(
          Locale.ROOT,
          "pcusage utilization --out: %,d records (%d pages of %d, cached) to a JSONL file,"
              + " CLI JVM at -Xms%s -Xmx%s; gc logs in %s%n",
          listing.records,
          pages,
          Fixtures.PAGE_SIZE,
          heap,
          heap,
          work);
      for (String gc : collectors) {
        for (int run = 1; run <= runs; run++) {
          String tag = gc + ".run" + run;
          System.out.printf(Locale.ROOT, "%s, run %d of %d:%n", gc, run, runs);
          Properties one =
              ForkedJvm.run(
                  "256m",
                  List.of("--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED"),
                  CliMemoryHarness.class,
                  List.of(
                      "--monitor",
                      cli.toAbsolutePath().toString(),
                      listing.sandbox.baseUrl(),
                      listing.customer,
                      listing.subscription,
                      gc,
                      heap,
                      results.getProperty("checkpoints"),
                      String.valueOf(listing.records),
                      work.toString(),
                      tag),
                  "  ");
          for (String key : one.stringPropertyNames()) {
            results.setProperty(tag + "." + key, one.getProperty(key));
          }
        }
      }
    }
    return results;
  }
}
