package io.github.pcusage.benchmarks;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;

/**
 * Target 3, streaming: a million records through {@code client.utilizations(...).stream()} in a JVM
 * limited to {@code -Xmx32m}. Reports the share of the listing's time spent in GC (explicit
 * collections excluded) and the live heap after a full GC at each checkpoint, which should stay
 * flat.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.StreamingMemoryHarness \
 *     [records=1000000] [checkpoints=100000,300000,1000000] [heap=32m] [prefetch=true]
 *     [jvm=OPTION,...] [out=FILE]
 * </pre>
 *
 * The parent starts the sandbox, renders every page into its cache (so the client never waits for
 * rendering, which would dilute the GC share), and forks the child that runs the client; only the
 * child's heap is limited and measured.
 */
public final class StreamingMemoryHarness {
  private StreamingMemoryHarness() {}

  /**
   * Runs the harness.
   *
   * @param args {@code key=value} options, see the class comment
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    Options options = Options.parse(args);
    Properties results =
        run(
            options.integer("records", 1_000_000),
            options.text("checkpoints", "100000,300000,1000000"),
            options.text("heap", "32m"),
            Boolean.parseBoolean(options.text("prefetch", "true")),
            options.text("jvm", ""));
    ForkedJvm.save(results, options.text("out", null));
  }

  static Properties run(int records, String checkpoints, String heap) {
    return run(records, checkpoints, heap, true, "");
  }

  /** {@code jvm}: more options for the child JVM, comma-separated (e.g. {@code -Xlog:gc}). */
  static Properties run(
      int records, String checkpoints, String heap, boolean prefetch, String jvm) {
    int pages = (records + Fixtures.PAGE_SIZE - 1) / Fixtures.PAGE_SIZE;
    try (Fixtures.Listing listing = Fixtures.cachedListing(pages, Duration.ZERO)) {
      System.out.println(
          "streaming " + listing.records + " records through the SDK in a -Xmx" + heap + " JVM");
      List<String> jvmOptions = jvm.isBlank() ? List.of() : List.of(jvm.split(","));
      Properties results =
          ForkedJvm.run(
              heap,
              jvmOptions,
              StreamingMemoryHarness.class,
              List.of(
                  "--child",
                  listing.sandbox.baseUrl(),
                  listing.customer,
                  listing.subscription,
                  checkpoints,
                  String.valueOf(prefetch)),
              "  ");
      results.setProperty("heap", heap);
      results.setProperty("prefetch", String.valueOf(prefetch));
      return results;
    }
  }

  private static void child(String[] args) {
    String baseUrl = args[1];
    Fixtures.Listing pair = new Fixtures.Listing(null, args[2], args[3], 0);
    long[] checkpoints = Arrays.stream(args[4].split(",")).mapToLong(Long::parseLong).toArray();
    long[] explicitGc = {0, 0};
    long explicitGcWallNanos = 0;
    List<String> live = new ArrayList<>();
    ForkedJvm.result("gc", ForkedJvm.gcNames());
    ForkedJvm.result("maxHeapBytes", Runtime.getRuntime().maxMemory());
    try (PartnerCenterClient client = Fixtures.client(baseUrl, Boolean.parseBoolean(args[5]))) {
      ForkedJvm.result("loadAverageAtStart", ForkedJvm.loadAverage());
      long gcAtStart = ForkedJvm.gcMillis();
      long gcCountAtStart = ForkedJvm.gcCount();
      long allocatedAtStart = ForkedJvm.allocatedBytes();
      long start = System.nanoTime();
      Iterator<AzureUtilizationRecord> records =
          client.utilizations(pair.customer, pair.subscription, Fixtures.query()).iterator();
      long count = 0;
      int next = 0;
      long checksum = 0;
      while (records.hasNext()) {
        checksum += records.next().getQuantity().scale();
        count++;
        if (next < checkpoints.length && count == checkpoints[next]) {
          long t0 = System.nanoTime();
          long used = ForkedJvm.liveHeapAfterGc(explicitGc);
          explicitGcWallNanos += System.nanoTime() - t0;
          live.add(String.valueOf(used));
          ForkedJvm.result("liveHeapAfterGc." + count, used);
          System.out.printf("%,10d records: live heap after GC %,d bytes%n", count, used);
          next++;
        }
      }
      long wallNanos = System.nanoTime() - start - explicitGcWallNanos;
      long gcMillis = ForkedJvm.gcMillis() - gcAtStart - explicitGc[0];
      long gcCount = ForkedJvm.gcCount() - gcCountAtStart - explicitGc[1];
      long allocated = ForkedJvm.allocatedBytes() - allocatedAtStart;
      double share = gcMillis / (wallNanos / 1e6);
      ForkedJvm.result("records", count);
      ForkedJvm.result("checksum", checksum);
      ForkedJvm.result("wallMillis", Math.round(wallNanos / 1e6));
      ForkedJvm.result("gcMillis", gcMillis);
      ForkedJvm.result("gcShare", String.format(java.util.Locale.ROOT, "%.4f", share));
      ForkedJvm.result("recordsPerSecond", Math.round(count / (wallNanos / 1e9)));
      ForkedJvm.result("gcCount", gcCount);
      ForkedJvm.result("allocatedBytesPerRecord", allocated / Math.max(1, count));
      ForkedJvm.result("loadAverageAtEnd", ForkedJvm.loadAverage());
      System.out.printf(
          "%,d records in %.1f s, GC %d ms = %.1f%% of the time (explicit GCs excluded);"
              + " %d collections, %,d bytes allocated per record; load average %s%n",
          count,
          wallNanos / 1e9,
          gcMillis,
          100 * share,
          gcCount,
          allocated / Math.max(1, count),
          ForkedJvm.loadAverage());
    }
  }
}
