package io.github.pcusage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies read into reused chunks: every byte back in order, every chunk back to the pool. */
class BodyArraysTest {
  private static final int CHUNK = BodyArrays.CHUNK;
  private static final MediaType JSON = MediaType.get("application/json");

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17, 11 * CHUNK})
  void aBodyReadIntoChunksReadsBackByteForByte(int length) throws IOException {
    byte[] body = bytes(length);

    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(body), length);
    ResponseBody response = filled.body(JSON);

    assertThat(response.contentLength()).isEqualTo(length);
    assertThat(response.bytes()).isEqualTo(body);
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedAndItsChunksGoBack() throws IOException {
    BodyArrays.Filled fits = BodyArrays.readAll(new Buffer().write(bytes(2 * CHUNK)), 2 * CHUNK);
    assertThat(fits).isNotNull();
    fits.body(JSON).close();
    int kept = BodyArrays.kept();

    assertThat(BodyArrays.readAll(new Buffer().write(bytes(2 * CHUNK + 1)), 2 * CHUNK)).isNull();
    assertThat(BodyArrays.readAll(new Buffer().write(bytes(5 * CHUNK)), 2 * CHUNK)).isNull();

    assertThat(BodyArrays.kept()).isEqualTo(kept);
  }

  @Test
  void chunksAreReusedFromOneBodyToTheNext() throws IOException {
    BodyArrays.Filled first = BodyArrays.readAll(new Buffer().write(bytes(4 * CHUNK)), 1 << 20);
    first.body(JSON).bytes(); // read to the end and closed
    int kept = BodyArrays.kept();
    assertThat(kept).isGreaterThanOrEqualTo(4);

    byte[] second = bytes(3 * CHUNK - 1);
    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(second), 1 << 20);

    assertThat(BodyArrays.kept()).isEqualTo(kept - 3); // taken from the pool, none new
    assertThat(filled.body(JSON).bytes()).isEqualTo(second); // nothing of the first body shows
  }

  @Test
  void aBodyReadAsAResponseGivesEachChunkBackOnceReadPast() throws IOException {
    BodyArrays.Filled filled =
        BodyArrays.readAll(new Buffer().write(bytes(3 * CHUNK - 1)), 1 << 20);
    int kept = BodyArrays.kept();
    BufferedSource source = filled.body(JSON).source();

    source.skip(CHUNK + 10);

    assertThat(BodyArrays.kept()).isEqualTo(kept + 1); // the first chunk, before any close
    source.close();
    assertThat(BodyArrays.kept()).isEqualTo(Math.min(kept + 3, BodyArrays.MAX_KEPT));
  }

  @Test
  void aSourceThatKeepsItsChunksStillGivesTheWholeBodyAfterReading() throws IOException {
    byte[] body = bytes(2 * CHUNK + 5);
    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(body), 1 << 20);

    try (BufferedSource source = filled.source(false)) {
      source.skip(2 * CHUNK);
      assertThat(filled.toBuffer().readByteArray()).isEqualTo(body);
    }
  }
}
