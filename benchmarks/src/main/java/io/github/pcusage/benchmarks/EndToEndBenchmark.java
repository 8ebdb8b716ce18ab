package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import io.github.pcusage.PartnerCenterClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Target 2: 200,000 records (200 pages of 1000) from an in-process sandbox on loopback, without
 * latency, its pages served from its cache (rendered once in setup). Scores are records per second.
 *
 * <ul>
 *   <li>{@link #sdkStream}: {@code client.utilizations(...).stream()}, prefetch on (the default);
 *   <li>{@link #sdkStreamNoPrefetch}: the same with {@code prefetch(false)};
 *   <li>(e) {@link #okHttpJackson}: a plain OkHttp + Jackson databind loop, same field types;
 *   <li>(f) {@link #okHttpBytes}: the same requests reading bytes only (sandbox + transport floor).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EndToEndBenchmark.RECORDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EndToEndBenchmark {
  static final int PAGES = 200;
  static final int RECORDS = PAGES * Fixtures.PAGE_SIZE;

  Fixtures.Listing listing;
  PartnerCenterClient sdk;
  PartnerCenterClient sdkNoPrefetch;
  OkHttpClient http;
  ObjectReader jackson;

  /** Starts the sandbox and the clients, and fills the sandbox's page cache. */
  @Setup
  public void setUp() throws IOException {
    setUp(PAGES);
  }

  void setUp(int pages) throws IOException {
    listing = Fixtures.cachedListing(pages, Duration.ZERO);
    sdk = Fixtures.client(listing.sandbox.baseUrl(), true);
    sdkNoPrefetch = Fixtures.client(listing.sandbox.baseUrl(), false);
    http = new OkHttpClient();
    jackson = JacksonModels.collectionReader();
  }

  /** Closes the clients and the sandbox. */
  @TearDown
  public void tearDown() {
    sdk.close();
    sdkNoPrefetch.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    listing.close();
  }

  /** The SDK, prefetch on (default). */
  @Benchmark
  public long sdkStream(Blackhole blackhole) {
    return PlainLoops.sdkStream(sdk, listing, blackhole::consume);
  }

  /** The SDK, prefetch off. */
  @Benchmark
  public long sdkStreamNoPrefetch(Blackhole blackhole) {
    return PlainLoops.sdkStream(sdkNoPrefetch, listing, blackhole::consume);
  }

  /** (e) Plain OkHttp + Jackson databind. */
  @Benchmark
  public long okHttpJackson(Blackhole blackhole) throws IOException {
    return PlainLoops.okHttpJackson(http, jackson, listing, blackhole::consume);
  }

  /** (f) Plain OkHttp, bytes only. */
  @Benchmark
  public long okHttpBytes(Blackhole blackhole) throws IOException {
    return PlainLoops.okHttpBytes(http, listing, blackhole::consume);
  }
}
