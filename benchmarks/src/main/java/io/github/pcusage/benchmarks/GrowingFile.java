package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a growing file from its start, counting newlines: {@code FILE.partial} while the CLI writes
 * it (the open file stays readable when it is renamed to {@code FILE}), or {@code FILE} if the
 * partial file was gone before it could be opened.
 */
final class GrowingFile implements AutoCloseable {
  private final Path partial;
  private final Path done;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
  private FileChannel channel;
  private long bytes;
  private long lines;

  GrowingFile(Path partial, Path done) {
    this.partial = partial;
    this.done = done;
  }

  boolean isOpen() {
    return channel != null;
  }

  long bytes() {
    return bytes;
  }

  long lines() {
    return lines;
  }

  /** Reads what was appended since the last call; returns the newlines so far. */
  long poll() throws IOException {
    if (channel == null) {
      channel = open(partial);
      if (channel == null) {
        channel = open(done);
      }
      if (channel == null) {
        return 0;
      }
    }
    while (true) {
      buffer.clear();
      int read = channel.read(buffer);
      if (read <= 0) {
        return lines;
      }
      byte[] array = buffer.array();
      for (int i = 0; i < read; i++) {
        if (array[i] == '\n') {
          lines++;
        }
      }
      bytes += read;
    }
  }

  private static FileChannel open(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
