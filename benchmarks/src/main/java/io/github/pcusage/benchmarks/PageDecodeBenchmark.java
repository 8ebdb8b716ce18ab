package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Target 1: decoding the bytes of one real 1000-record page, four ways. Scores are records per
 * second ({@code ops/s} with one op per record); MB/s is the score times the page's bytes per
 * record, which {@link ReportTable} prints beside it.
 *
 * <ul>
 *   <li>(a) {@link #sdkGenerated}: the SDK's real path, the shared Moshi's generated adapters
 *       reading an okio buffer, as the client reads the buffered response body;
 *   <li>(b) {@link #moshiReflective}: a plain Moshi decoding the same model classes by reflection;
 *   <li>(c) {@link #jacksonDatabind}: Jackson databind from {@code byte[]} into plain classes with
 *       the same field types;
 *   <li>(d) {@link #moshiTokenWalk}: every token read with Moshi's {@code JsonReader}, values and
 *       names as strings, nothing built (the floor).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Fixtures.PAGE_SIZE)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PageDecodeBenchmark {
  byte[] page;
  JsonAdapter<AzureUtilizationRecordCollection> sdk;
  JsonAdapter<AzureUtilizationRecordCollection> reflective;
  ObjectReader jackson;

  /** Renders the page with a sandbox and builds the decoders once. */
  @Setup
  public void setUp() {
    setUp(Fixtures.renderPage());
  }

  void setUp(byte[] page) {
    this.page = page;
    this.sdk = PartnerCenterJson.moshi().adapter(AzureUtilizationRecordCollection.class);
    this.reflective = ReflectiveMoshi.moshi().adapter(AzureUtilizationRecordCollection.class);
    if (!ReflectiveMoshi.isReflective(reflective, AzureUtilizationRecordCollection.class)
        || !ReflectiveMoshi.isReflective(
            ReflectiveMoshi.moshi().adapter(AzureUtilizationRecord.class),
            AzureUtilizationRecord.class)) {
      throw new IllegalStateException("not Moshi's reflective adapter: " + reflective);
    }
    this.jackson = JacksonModels.collectionReader();
  }

  /** (a) The SDK's decode path. */
  @Benchmark
  public AzureUtilizationRecordCollection sdkGenerated() throws IOException {
    return sdk.fromJson(new Buffer().write(page));
  }

  /** (b) Moshi's reflective adapters into the same models. */
  @Benchmark
  public AzureUtilizationRecordCollection moshiReflective() throws IOException {
    return reflective.fromJson(new Buffer().write(page));
  }

  /** (c) Jackson databind from {@code byte[]} into plain classes. */
  @Benchmark
  public JacksonModels.Collection jacksonDatabind() throws IOException {
    return jackson.readValue(page);
  }

  /** (d) A raw token walk: the floor of any decoder built on Moshi's reader. */
  @Benchmark
  public int moshiTokenWalk(Blackhole blackhole) throws IOException {
    return walk(JsonReader.of(new Buffer().write(page)), blackhole);
  }

  /** Reads every token; returns how many values were read. */
  static int walk(JsonReader reader, Blackhole blackhole) throws IOException {
    int values = 0;
    while (true) {
      switch (reader.peek()) {
        case BEGIN_OBJECT:
          reader.beginObject();
          break;
        case END_OBJECT:
          reader.endObject();
          break;
        case BEGIN_ARRAY:
          reader.beginArray();
          break;
        case END_ARRAY:
          reader.endArray();
          break;
        case NAME:
          blackhole.consume(reader.nextName());
          break;
        case STRING:
        case NUMBER:
          blackhole.consume(reader.nextString());
          values++;
          break;
        case BOOLEAN:
          blackhole.consume(reader.nextBoolean());
          values++;
          break;
        case NULL:
          reader.nextNull();
          values++;
          break;
        case END_DOCUMENT:
          return values;
        default:
          throw new IllegalStateException("unexpected " + reader.peek());
      }
    }
  }
}
