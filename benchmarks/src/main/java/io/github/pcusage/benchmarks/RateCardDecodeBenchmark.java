package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureRateCard;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Part 6: decoding the bytes of the sandbox's {@value RateCards#METERS}-meter Azure rate card
 * (about 4 MB, {@link RateCards}). Scores are cards per second (one op per card); {@code -prof gc}
 * gives the bytes allocated per card.
 *
 * <ul>
 *   <li>(a) {@link #sdkGenerated}: the SDK's decoder of {@code client.azureRateCard()}, the shared
 *       Moshi's generated {@code AzureRateCard} adapter, reading an okio buffer (the copy of the
 *       card into it included), as part 1 drives it;
 *   <li>(b) {@link #jacksonDatabind}: Jackson databind from {@code byte[]} into plain classes with
 *       the same field types ({@link JacksonRateCard});
 *   <li>(c) {@link #moshiTokenWalk}: every token read with Moshi's {@code JsonReader}, nothing
 *       built (the floor).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RateCardDecodeBenchmark {
  byte[] card;
  JsonAdapter<AzureRateCard> sdk;
  ObjectReader jackson;

  /** Renders the card with a sandbox and builds the decoders once. */
  @Setup
  public void setUp() {
    setUp(RateCards.render(RateCards.METERS));
  }

  void setUp(byte[] card) {
    this.card = card;
    this.sdk = PartnerCenterJson.adapter(AzureRateCard.class);
    this.jackson = JacksonRateCard.reader();
  }

  /** (a) The SDK's decode path. */
  @Benchmark
  public AzureRateCard sdkGenerated() throws IOException {
    return sdk.fromJson(new Buffer().write(card));
  }

  /** (b) Jackson databind from {@code byte[]} into plain classes. */
  @Benchmark
  public JacksonRateCard.Card jacksonDatabind() throws IOException {
    return jackson.readValue(card);
  }

  /** (c) A raw token walk: the floor of any decoder built on Moshi's reader. */
  @Benchmark
  public int moshiTokenWalk(Blackhole blackhole) throws IOException {
    return PageDecodeBenchmark.walk(JsonReader.of(new Buffer().write(card)), blackhole);
  }
}
