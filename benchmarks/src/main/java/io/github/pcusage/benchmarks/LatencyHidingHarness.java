package io.github.pcusage.benchmarks;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Target 4: with the sandbox answering each page after {@code latency} and a consumer that spends
 * as long on each page as fetching it takes, compares the listing time with prefetch on (the
 * default) and off. Expected: about {@code max(fetch, consume)} per page with prefetch, the sum
 * without.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.LatencyHidingHarness \
 *     [pages=10] [latencyMs=100] [runs=3] [out=FILE]
 * </pre>
 *
 * First measures the fetch time per page alone (prefetch off, no consumer); the consumer then
 * sleeps that long after each page's last record. Each mode runs {@code runs} times; medians are
 * reported, with min and max.
 */
public final class LatencyHidingHarness {
  private LatencyHidingHarness() {}

  /**
   * Runs the harness.
   *
   * @param args {@code key=value} options, see the class comment
   */
  public static void main(String[] args) {
    Options options = Options.parse(args);
    Properties results =
        run(
            options.integer("pages", 10),
            options.integer("latencyMs", 100),
            options.integer("runs", 3));
    ForkedJvm.save(results, options.text("out", null));
  }

  static Properties run(int pages, int latencyMs, int runs) {
    Properties results = new Properties();
    try (Fixtures.Listing listing =
            Fixtures.listing(pages, Duration.ofMillis(latencyMs), 256L << 20);
        PartnerCenterClient on = Fixtures.client(listing.sandbox.baseUrl(), true);
        PartnerCenterClient off = Fixtures.client(listing.sandbox.baseUrl(), false)) {
      // Warm-up: JIT, connections and the sandbox's page cache.
      for (int i = 0; i < 2; i++) {
        time(off, listing, 0);
        time(on, listing, 0);
      }
      List<Long> fetchOnly = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        fetchOnly.add(time(off, listing, 0));
      }
      long fetchPerPageMs = Math.round(median(fetchOnly) / 1e6 / pages);
      List<Long> withPrefetch = new ArrayList<>();
      List<Long> withoutPrefetch = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        withPrefetch.add(time(on, listing, fetchPerPageMs));
        withoutPrefetch.add(time(off, listing, fetchPerPageMs));
      }
      results.setProperty("pages", String.valueOf(pages));
      results.setProperty("latencyMs", String.valueOf(latencyMs));
      results.setProperty("fetchPerPageMs", String.valueOf(fetchPerPageMs));
      results.setProperty("consumePerPageMs", String.valueOf(fetchPerPageMs));
      put(results, "fetchOnly", fetchOnly);
      put(results, "prefetchOn", withPrefetch);
      put(results, "prefetchOff", withoutPrefetch);
      results.setProperty("expectedMaxMs", String.valueOf((pages + 1) * fetchPerPageMs));
      results.setProperty("expectedSumMs", String.valueOf(pages * 2 * fetchPerPageMs));
      System.out.printf(
          Locale.ROOT,
          "%d pages, latency %d ms: fetch alone %d ms per page; consumer %d ms per page%n"
              + "prefetch on:  %s ms (expected ~(pages+1) x max = %d ms)%n"
              + "prefetch off: %s ms (expected ~pages x sum = %d ms)%n",
          pages,
          latencyMs,
          fetchPerPageMs,
          fetchPerPageMs,
          results.getProperty("prefetchOnMs"),
          (pages + 1) * fetchPerPageMs,
          results.getProperty("prefetchOffMs"),
          pages * 2 * fetchPerPageMs);
    }
    return results;
  }

  /** Lists every record, sleeping {@code consumeMs} after each page's last record; returns ns. */
  static long time(PartnerCenterClient client, Fixtures.Listing listing, long consumeMs) {
    long start = System.nanoTime();
    Iterator<AzureUtilizationRecord> records =
        client.utilizations(listing.customer, listing.subscription, Fixtures.query()).iterator();
    long count = 0;
    while (records.hasNext()) {
      records.next();
      count++;
      if (consumeMs > 0 && count % Fixtures.PAGE_SIZE == 0) {
        sleep(consumeMs);
      }
    }
    if (count != listing.records) {
      throw new IllegalStateException("listed " + count + " records, expected " + listing.records);
    }
    return System.nanoTime() - start;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void put(Properties results, String key, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    results.setProperty(key + "Ms", String.valueOf(Math.round(median(nanos) / 1e6)));
    results.setProperty(key + "MinMs", String.valueOf(Math.round(sorted.get(0) / 1e6)));
    results.setProperty(
        key + "MaxMs", String.valueOf(Math.round(sorted.get(sorted.size() - 1) / 1e6)));
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
