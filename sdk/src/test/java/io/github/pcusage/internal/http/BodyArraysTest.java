package io.github.pcusage.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies read into reused chunks: every byte back in order, every chunk back to the pool. */
class BodyArraysTest {
  private static final int CHUNK = BodyArrays.CHUNK;

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static byte[] readAll(BodyArrays.Filled filled) throws IOException {
    try (BufferedSource source = Okio.buffer(filled.source())) {
      return source.readByteArray();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17, 11 * CHUNK})
  void aBodyReadIntoChunksReadsBackByteForByte(int length) throws IOException {
    byte[] body = bytes(length);

    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(body), length);

    assertThat(filled.length()).isEqualTo(length);
    assertThat(readAll(filled)).isEqualTo(body);
    byte[] copied = new byte[length];
    filled.copy(0, copied, 0, length);
    assertThat(copied).isEqualTo(body);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    filled.writeTo(0, length, written);
    assertThat(written.toByteArray()).isEqualTo(body);
    filled.release();
  }

  @Test
  void aRangeAcrossChunksCopiesByteForByte() throws IOException {
    byte[] body = bytes(3 * CHUNK);
    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(body), 1 << 20);
    int from = CHUNK - 3;
    int count = CHUNK + 10;

    byte[] copied = new byte[count];
    filled.copy(from, copied, 0, count);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    filled.writeTo(from, count, written);

    byte[] expected = java.util.Arrays.copyOfRange(body, from, from + count);
    assertThat(copied).isEqualTo(expected);
    assertThat(written.toByteArray()).isEqualTo(expected);
    filled.release();
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedAndItsChunksGoBack() throws IOException {
    BodyArrays.Filled fits = BodyArrays.readAll(new Buffer().write(bytes(2 * CHUNK)), 2 * CHUNK);
    assertThat(fits).isNotNull();
    fits.release();
    int kept = BodyArrays.kept();

    assertThat(BodyArrays.readAll(new Buffer().write(bytes(2 * CHUNK + 1)), 2 * CHUNK)).isNull();
    assertThat(BodyArrays.readAll(new Buffer().write(bytes(5 * CHUNK)), 2 * CHUNK)).isNull();

    assertThat(BodyArrays.kept()).isEqualTo(kept);
  }

  @Test
  void chunksAreReusedFromOneBodyToTheNext() throws IOException {
    BodyArrays.Filled first = BodyArrays.readAll(new Buffer().write(bytes(4 * CHUNK)), 1 << 20);
    first.release();
    int kept = BodyArrays.kept();
    assertThat(kept).isGreaterThanOrEqualTo(4);

    byte[] second = bytes(3 * CHUNK - 1);
    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(second), 1 << 20);

    assertThat(BodyArrays.kept()).isEqualTo(kept - 3); // taken from the pool, none new
    assertThat(readAll(filled)).isEqualTo(second); // nothing of the first body shows
    filled.release();
  }

  @Test
  void chunksStayWithTheBodyUntilReleasedThenGoBackOnce() throws IOException {
    BodyArrays.Filled filled =
        BodyArrays.readAll(new Buffer().write(bytes(3 * CHUNK - 1)), 1 << 20);
    int kept = BodyArrays.kept();

    readAll(filled);
    assertThat(BodyArrays.kept()).isEqualTo(kept); // reading gives nothing back

    filled.release();
    filled.release();
    assertThat(BodyArrays.kept()).isEqualTo(Math.min(kept + 3, BodyArrays.MAX_KEPT));
  }

  @Test
  void aReleasedBodyRefusesEveryReadRatherThanShowAnotherBodysBytes() throws IOException {
    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(bytes(CHUNK + 5)), 1 << 20);
    filled.release();

    assertThat(filled.isReleased()).isTrue();
    assertThatIllegalStateException().isThrownBy(() -> filled.copy(0, new byte[4], 0, 4));
    assertThatIllegalStateException()
        .isThrownBy(() -> filled.writeTo(0, 4, new ByteArrayOutputStream()));
    assertThatIllegalStateException().isThrownBy(filled::source);
    assertThatIllegalStateException().isThrownBy(filled::toBuffer);
  }

  @Test
  void theWholeBodyIsStillThereAfterReading() throws IOException {
    byte[] body = bytes(2 * CHUNK + 5);
    BodyArrays.Filled filled = BodyArrays.readAll(new Buffer().write(body), 1 << 20);

    try (BufferedSource source = Okio.buffer(filled.source())) {
      source.skip(2 * CHUNK);
      assertThat(filled.toBuffer().readByteArray()).isEqualTo(body);
    }
    filled.release();
  }
}
