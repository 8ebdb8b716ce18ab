package io.github.pcusage.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureOfferTerm;
import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs every benchmark method and harness once, with tiny sizes, so that they cannot rot: each must
 * see the records it was given, and the decoders must agree value for value. No timing is asserted.
 */
class BenchmarksSmokeTest {
  private static final Blackhole BLACKHOLE =
      new Blackhole(
          "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  private static PageDecodeBenchmark decode;

  @BeforeAll
  static void renderPage() {
    decode = new PageDecodeBenchmark();
    decode.setUp(Fixtures.renderPage());
  }

  @Test
  void everyDecoderReadsTheThousandRecordsOfThePage() throws Exception {
    assertThat(decode.sdkGenerated().getItems()).hasSize(Fixtures.PAGE_SIZE);
    assertThat(decode.moshiReflective().getItems()).hasSize(Fixtures.PAGE_SIZE);
    assertThat(decode.jacksonDatabind().items).hasSize(Fixtures.PAGE_SIZE);
    assertThat(decode.moshiTokenWalk(BLACKHOLE)).isGreaterThan(Fixtures.PAGE_SIZE * 10);
  }

  @Test
  void theSdkAndReflectiveMoshiDecodeEqualModels() throws Exception {
    AzureUtilizationRecordCollection sdk = decode.sdkGenerated();
    AzureUtilizationRecordCollection reflective = decode.moshiReflective();

    assertThat(sdk.getItems()).isEqualTo(reflective.getItems());
    assertThat(sdk).isEqualTo(reflective);
  }

  @Test
  void theSdkAndJacksonDecodeTheSameValues() throws Exception {
    List<AzureUtilizationRecord> sdk = decode.sdkGenerated().getItems();
    List<JacksonModels.Record> jackson = decode.jacksonDatabind().items;

    for (int i = 0; i < sdk.size(); i++) {
      assertThat(values(jackson.get(i))).as("record %d", i).isEqualTo(values(sdk.get(i)));
    }
  }

  @Test
  void theReflectiveAdapterIsReallyMoshisClassJsonAdapter() {
    assertThat(decode.reflective.toString())
        .startsWith("JsonAdapter(" + AzureUtilizationRecordCollection.class.getName() + ")");
    assertThat(decode.sdk.toString()).contains("Generated");
  }

  @Test
  void everyRateCardDecoderReadsEveryMeter() throws Exception {
    RateCardDecodeBenchmark card = new RateCardDecodeBenchmark();
    card.setUp(RateCards.render(300));

    assertThat(card.sdkGenerated().getMeters()).hasSize(300);
    assertThat(card.jacksonDatabind().meters).hasSize(300);
    assertThat(card.moshiTokenWalk(BLACKHOLE)).isGreaterThan(300 * 8);
  }

  @Test
  void theSdkAndJacksonDecodeTheSameRateCard() throws Exception {
    RateCardDecodeBenchmark decoders = new RateCardDecodeBenchmark();
    decoders.setUp(RateCards.render(300));
    AzureRateCard sdk = decoders.sdkGenerated();
    JacksonRateCard.Card jackson = decoders.jacksonDatabind();

    assertThat(List.of(jackson.currency, jackson.locale, jackson.isTaxIncluded))
        .isEqualTo(List.of(sdk.getCurrency(), sdk.getLocale(), sdk.getIsTaxIncluded()));
    for (int i = 0; i < sdk.getMeters().size(); i++) {
      assertThat(values(jackson.meters.get(i)))
          .as("meter %d", i)
          .isEqualTo(values(sdk.getMeters().get(i)));
    }
    AzureOfferTerm term = sdk.getOfferTerms().get(0);
    JacksonRateCard.OfferTerm jacksonTerm = jackson.offerTerms.get(0);
    assertThat(
            List.of(
                jacksonTerm.name,
                jacksonTerm.discount,
                jacksonTerm.excludedMeterIds,
                jacksonTerm.effectiveDate))
        .isEqualTo(
            List.of(
                term.getName(),
                term.getDiscount(),
                term.getExcludedMeterIds(),
                term.getEffectiveDate()));
    // The card has dates with and without a zone; both decoders read the zone-less ones as UTC.
    assertThat(term.getEffectiveDate()).isEqualTo("2014-01-01T00:00:00Z");
    assertThat(jackson.meters).extracting(m -> m.rates.size()).contains(1, 3);
  }

  @Test
  void theRateCardHarnessDecodesEveryMeterAtASmallHeapAndTheTableShowsIt(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path results) throws Exception {
    Properties memory = RateCardMemoryHarness.run(2000, "64m");

    assertThat(memory.getProperty("meters")).isEqualTo("2000");
    assertThat(memory.getProperty("expectedMeters")).isEqualTo("2000");
    assertThat(Long.parseLong(memory.getProperty("retainedBytes"))).isPositive();
    assertThat(Long.parseLong(memory.getProperty("cardBytes"))).isGreaterThan(2000 * 200);

    ForkedJvm.save(memory, results.resolve("ratecard-memory.properties").toString());
    assertThat(ReportTable.render(results))
        .contains("### 6. Rate card decode: one 2,000-meter Azure rate card")
        .contains("| 2,000 of 2,000; ");
  }

  @Test
  void everyEndToEndLoopListsEveryRecord() throws Exception {
    EndToEndBenchmark e2e = new EndToEndBenchmark();
    e2e.setUp(3);
    try {
      assertThat(e2e.sdkStream(BLACKHOLE)).isEqualTo(3000);
      assertThat(e2e.sdkStreamNoPrefetch(BLACKHOLE)).isEqualTo(3000);
      assertThat(e2e.okHttpJackson(BLACKHOLE)).isEqualTo(3000);
      assertThat(e2e.okHttpBytes(BLACKHOLE)).isEqualTo(3000);
    } finally {
      e2e.tearDown();
    }
  }

  @Test
  void theStreamingHarnessReportsEveryCheckpoint() {
    Properties results = StreamingMemoryHarness.run(3000, "1000,2000,3000", "32m");

    assertThat(results.getProperty("records")).isEqualTo("3000");
    assertThat(results.stringPropertyNames())
        .contains(
            "liveHeapAfterGc.1000", "liveHeapAfterGc.2000", "liveHeapAfterGc.3000", "gcShare");
  }

  @Test
  void theRetainedHarnessReportsBytesPerRecord() {
    Properties results = RetainedMemoryHarness.run(2000, "256m");

    assertThat(results.getProperty("records")).isEqualTo("2000");
    assertThat(results.getProperty("bytesPerRecord")).isNotBlank();
  }

  @Test
  void theLatencyHarnessListsBothWays() {
    Properties results = LatencyHidingHarness.run(2, 5, 1);

    assertThat(results.stringPropertyNames())
        .contains("prefetchOnMs", "prefetchOffMs", "fetchPerPageMs");
  }

  @Test
  void theExportHarnessWritesEveryRecordWhenTheCliIsBuilt() throws Exception {
    java.nio.file.Path cli = java.nio.file.Path.of("..", "cli", "target", "pcusage.jar");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isRegularFile(cli), "cli/target/pcusage.jar not built");

    Properties results =
        ExportScalingHarness.run(cli, 2, 1, 2, 10, 5, "1,2", "429=0.2,seed=3,retry-after=1");

    assertThat(results.getProperty("records")).isEqualTo("40");
    assertThat(results.stringPropertyNames())
        .contains("parallel.1.ms", "parallel.2.ms", "faults.ms");
  }

  @Test
  void theCliMemoryHarnessSamplesTheLiveHeapWhenTheCliIsBuilt() throws Exception {
    java.nio.file.Path cli = java.nio.file.Path.of("..", "cli", "target", "pcusage.jar");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isRegularFile(cli), "cli/target/pcusage.jar not built");

    // 300 ms per page keeps the CLI running long enough for a sample after each page.
    Properties results = CliMemoryHarness.run(cli, 3000, "1000,3000", "32m", "G1", 1, 300);

    assertThat(results.getProperty("records")).isEqualTo("3000");
    assertThat(results.getProperty("G1.run1.lines")).isEqualTo("3000");
    assertThat(results.getProperty("G1.run1.exitCode")).isEqualTo("0");
    assertThat(results.getProperty("G1.run1.gcFlag")).isEqualTo("-XX:+UseG1GC");
    for (String key :
        List.of(
            "G1.run1.wallMillis",
            "G1.run1.recordsPerSecond",
            "G1.run1.liveHeap.1000",
            "G1.run1.liveHeap.1000.atRecords",
            "G1.run1.liveHeap.3000",
            "G1.run1.liveHeap.3000.atRecords")) {
      assertThat(Long.parseLong(results.getProperty(key))).as(key).isPositive();
    }
    assertThat(Double.parseDouble(results.getProperty("G1.run1.gcShare"))).isBetween(0.0, 1.0);
    assertThat(Double.parseDouble(results.getProperty("G1.run1.gcPauseMillis")))
        .isGreaterThanOrEqualTo(0);
    assertThat(Long.parseLong(results.getProperty("G1.run1.pauses"))).isNotNegative();
    // Each sample's full GC is recognised, and kept out of the pauses above.
    assertThat(results.getProperty("G1.run1.diagnosticPauses")).isEqualTo("2");
  }

  /** The record's values in a canonical order, for comparing models of different libraries. */
  private static List<Object> values(AzureUtilizationRecord r) {
    AzureResource res = r.getResource();
    AzureInstanceData data = r.getInstanceData();
    List<Object> values =
        new ArrayList<>(
            Arrays.asList(
                r.getUsageStartTime(),
                r.getUsageEndTime(),
                r.getQuantity(),
                r.getQuantity().scale(),
                r.getUnit(),
                r.getInfoFields(),
                res.getId(),
                res.getName(),
                res.getCategory(),
                res.getSubcategory(),
                res.getRegion(),
                r.getAttributes() == null ? null : r.getAttributes().getObjectType()));
    if (data != null) {
      values.addAll(
          Arrays.asList(
              data.getResourceUri(),
              data.getLocation(),
              data.getPartNumber(),
              data.getOrderNumber(),
              data.getTags(),
              data.getAdditionalInfo()));
    }
    return values;
  }

  private static List<Object> values(AzureMeter m) {
    return Arrays.asList(
        m.getId(),
        m.getName(),
        m.getRates(),
        m.getRates().values().stream().map(java.math.BigDecimal::scale).toList(),
        m.getTags(),
        m.getCategory(),
        m.getSubcategory(),
        m.getRegion(),
        m.getUnit(),
        m.getIncludedQuantity(),
        m.getIncludedQuantity().scale(),
        m.getEffectiveDate());
  }

  private static List<Object> values(JacksonRateCard.Meter m) {
    return Arrays.asList(
        m.id,
        m.name,
        m.rates,
        m.rates.values().stream().map(java.math.BigDecimal::scale).toList(),
        m.tags,
        m.category,
        m.subcategory,
        m.region,
        m.unit,
        m.includedQuantity,
        m.includedQuantity.scale(),
        m.effectiveDate);
  }

  private static List<Object> values(JacksonModels.Record r) {
    JacksonModels.Resource res = r.resource;
    JacksonModels.InstanceData data = r.instanceData;
    List<Object> values =
        new ArrayList<>(
            Arrays.asList(
                r.usageStartTime,
                r.usageEndTime,
                r.quantity,
                r.quantity.scale(),
                r.unit,
                r.infoFields,
                res.id,
                res.name,
                res.category,
                res.subcategory,
                res.region,
                r.attributes == null ? null : r.attributes.objectType));
    if (data != null) {
      values.addAll(
          Arrays.asList(
              data.resourceUri,
              data.location,
              data.partNumber,
              data.orderNumber,
              data.tags,
              data.additionalInfo));
    }
    return values;
  }
}
