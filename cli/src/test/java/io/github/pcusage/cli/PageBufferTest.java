package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked page buffer: every byte in order across chunk edges, reused after a reset. */
class PageBufferTest {
  private static final int CHUNK = PageBuffer.CHUNK;

  private static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static byte[] viaStream(PageBuffer buffer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    buffer.writeTo(out);
    return out.toByteArray();
  }

  private static byte[] viaChannel(PageBuffer buffer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    buffer.writeTo(Channels.newChannel(out));
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17})
  void givesBackWhatWasWrittenEveryWayItIsRead(int length) throws IOException {
    byte[] data = bytes(length);
    PageBuffer buffer = new PageBuffer();
    buffer.write(data, 0, Math.min(length, 5)); // bulk writes, then single bytes, across edges
    for (int i = Math.min(length, 5); i < Math.min(length, CHUNK + 3); i++) {
      buffer.write(data[i]);
    }
    if (length > CHUNK + 3) {
      buffer.write(data, CHUNK + 3, length - CHUNK - 3);
    }

    assertThat(buffer.size()).isEqualTo(length);
    assertThat(viaStream(buffer)).isEqualTo(data);
    assertThat(viaChannel(buffer)).isEqualTo(data);
    assertThat(buffer.inputStream().readAllBytes()).isEqualTo(data);
  }

  @Test
  void aResetBufferHoldsOnlyWhatIsWrittenAfter() throws IOException {
    PageBuffer buffer = new PageBuffer();
    buffer.write(bytes(2 * CHUNK + 9));
    buffer.reset();
    byte[] next = bytes(100);
    buffer.write(next);

    assertThat(viaStream(buffer)).isEqualTo(next);
  }

  @Test
  void truncateDropsTheTailOnly() throws IOException {
    byte[] data = bytes(CHUNK + 50);
    PageBuffer buffer = new PageBuffer();
    buffer.write(data);

    buffer.truncate(CHUNK + 1);
    buffer.write('x');

    byte[] expected = Arrays.copyOf(data, CHUNK + 2);
    expected[CHUNK + 1] = 'x';
    assertThat(viaStream(buffer)).isEqualTo(expected);
    assertThatThrownBy(() -> buffer.truncate(CHUNK + 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newSize");
  }
}
