package io.github.pcusage.benchmarks;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.sandbox.Sandbox;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Part 6, memory: the whole Azure rate card ({@link RateCards}, {@value RateCards#METERS} meters,
 * about 4 MB) fetched and decoded by the real client ({@code client.azureRateCard()}) from an
 * in-process sandbox, in a forked JVM with a small heap ({@code -Xmx64m}). Fails unless every meter
 * of the card arrives. After a warm-up call (classes, pools and caches in place), reports the live
 * heap after GC before the call, with the card held, and after letting it go; the card's retained
 * size is (with) - (before).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.RateCardMemoryHarness \
 *     [meters=10000] [heap=64m] [out=FILE]
 * </pre>
 */
public final class RateCardMemoryHarness {
  private RateCardMemoryHarness() {}

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
        run(options.integer("meters", RateCards.METERS), options.text("heap", "64m"));
    ForkedJvm.save(results, options.text("out", null));
  }

  static Properties run(int meters, String heap) {
    try (Sandbox sandbox = RateCards.sandbox(meters)) {
      int cardBytes = RateCards.fetch(sandbox.baseUrl()).length; // rendered into its cache here
      int expected = sandbox.rateCardMeterCount();
      System.out.printf(
          Locale.ROOT,
          "decoding a %,d-meter rate card (%,d bytes) through the client in a -Xmx%s JVM%n",
          expected,
          cardBytes,
          heap);
      Properties results =
          ForkedJvm.run(
              heap,
              RateCardMemoryHarness.class,
              List.of("--child", sandbox.baseUrl(), Integer.toString(expected)),
              "  ");
      results.setProperty("heap", heap);
      results.setProperty("cardBytes", Integer.toString(cardBytes));
      results.setProperty("expectedMeters", Integer.toString(expected));
      return results;
    }
  }

  private static void child(String[] args) {
    int expected = Integer.parseInt(args[2]);
    long[] spent = {0};
    long before;
    long with;
    long wallMillis;
    long gcCount;
    long gcMillis;
    AzureRateCard card;
    try (PartnerCenterClient client = Fixtures.client(args[1], true)) {
      check(client.azureRateCard(), expected); // warm-up, dropped
      before = ForkedJvm.liveHeapAfterGc(spent);
      long count0 = ForkedJvm.gcCount();
      long millis0 = ForkedJvm.gcMillis();
      long t0 = System.nanoTime();
      card = client.azureRateCard();
      wallMillis = (System.nanoTime() - t0) / 1_000_000;
      gcCount = ForkedJvm.gcCount() - count0;
      gcMillis = ForkedJvm.gcMillis() - millis0;
    }
    check(card, expected);
    with = ForkedJvm.liveHeapAfterGc(spent);
    int meters = card.getMeters().size();
    int excluded = card.getOfferTerms().get(0).getExcludedMeterIds().size();
    card = null; // lets the card go
    long without = ForkedJvm.liveHeapAfterGc(spent);
    long retained = with - before;
    ForkedJvm.result("meters", meters);
    ForkedJvm.result("excludedMeterIds", excluded);
    ForkedJvm.result("heapBeforeBytes", before);
    ForkedJvm.result("heapWithCardBytes", with);
    ForkedJvm.result("heapWithoutCardBytes", without);
    ForkedJvm.result("retainedBytes", retained);
    ForkedJvm.result(
        "bytesPerMeter", String.format(Locale.ROOT, "%.1f", retained / (double) meters));
    ForkedJvm.result("callMillis", wallMillis);
    ForkedJvm.result("gcCount", gcCount);
    ForkedJvm.result("gcMillis", gcMillis);
    ForkedJvm.result("gc", ForkedJvm.gcNames());
    System.out.printf(
        Locale.ROOT,
        "%,d meters in %,d ms (%d collections, %d ms): live heap after GC %,d bytes with the card,"
            + " %,d before, %,d after letting it go = %,d bytes retained (%.0f per meter)%n",
        meters,
        wallMillis,
        gcCount,
        gcMillis,
        with,
        before,
        without,
        retained,
        retained / (double) meters);
  }

  /** Fails unless every meter of the card arrived, and the offer term with its exclusions. */
  private static void check(AzureRateCard card, int expected) {
    int meters = card.getMeters().size();
    if (meters != expected || card.getMeters().get(meters - 1).getRates().isEmpty()) {
      throw new IllegalStateException(meters + " meters arrived, expected " + expected);
    }
    if (card.getOfferTerms().size() != 1
        || card.getOfferTerms().get(0).getExcludedMeterIds().isEmpty()) {
      throw new IllegalStateException(
          "no offer term with excluded meters: " + card.getOfferTerms());
    }
  }
}
