package io.github.pcusage.benchmarks;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Target 3, retained: a caller keeps every record of a listing in a {@code List}. Reports (live
 * heap after GC with the list) minus (live heap after GC before the listing), divided by the
 * records.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.RetainedMemoryHarness \
 *     [records=200000] [heap=1g] [out=FILE]
 * </pre>
 */
public final class RetainedMemoryHarness {
  private RetainedMemoryHarness() {}

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
    Properties results = run(options.integer("records", 200_000), options.text("heap", "1g"));
    ForkedJvm.save(results, options.text("out", null));
  }

  static Properties run(int records, String heap) {
    int pages = (records + Fixtures.PAGE_SIZE - 1) / Fixtures.PAGE_SIZE;
    try (Fixtures.Listing listing = Fixtures.cachedListing(pages, Duration.ZERO)) {
      System.out.println(
          "keeping " + listing.records + " records in a List in a -Xmx" + heap + " JVM");
      Properties results =
          ForkedJvm.run(
              heap,
              RetainedMemoryHarness.class,
              List.of("--child", listing.sandbox.baseUrl(), listing.customer, listing.subscription),
              "  ");
      results.setProperty("heap", heap);
      return results;
    }
  }

  private static void child(String[] args) {
    long[] spent = {0};
    List<AzureUtilizationRecord> kept = new ArrayList<>();
    long before;
    try (PartnerCenterClient client = Fixtures.client(args[1], true)) {
      // Warm-up listing of one page, so that classes, pools and caches are in place before
      // measuring.
      client.utilizations(args[2], args[3], Fixtures.query()).stream().limit(1).count();
      before = ForkedJvm.liveHeapAfterGc(spent);
      client.utilizations(args[2], args[3], Fixtures.query()).forEach(kept::add);
    }
    long after = ForkedJvm.liveHeapAfterGc(spent);
    double perRecord = (after - before) / (double) kept.size();
    ForkedJvm.result("records", kept.size());
    ForkedJvm.result("heapBeforeBytes", before);
    ForkedJvm.result("heapAfterBytes", after);
    ForkedJvm.result("bytesPerRecord", String.format(java.util.Locale.ROOT, "%.1f", perRecord));
    System.out.printf(
        "%,d records kept: %,d bytes live after GC (%,d before) = %.0f bytes per record%n",
        kept.size(), after, before, perRecord);
    if (kept.get(kept.size() - 1) == null) {
      throw new IllegalStateException("unreachable; keeps the list alive until after the measure");
    }
  }
}
