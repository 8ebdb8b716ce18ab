package io.github.pcusage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A reusable in-memory byte buffer for the encoded lines of one page, held in 64 KiB chunks.
 *
 * <p>Chunks, not one growing array: a page is about 0.7 MB, and on a small heap G1 takes any array
 * of half a region or more (512 KiB at {@code -Xmx32m}) as a "humongous" object of whole regions of
 * its own, which left a 32 MiB heap with about a megabyte of young generation and a collection
 * every few milliseconds. The chunks are kept across {@link #reset()}, so a buffer that has held
 * one page holds the next without allocating.
 */
public final class PageBuffer extends OutputStream {
  static final int CHUNK = 64 << 10;

  /** Chunks beyond this many are let go at {@link #reset()} (a page of more than 8 MiB). */
  private static final int KEPT_CHUNKS = 128;

  private final List<byte[]> chunks = new ArrayList<>();
  private int size;

  /** Returns the number of bytes written since the last {@link #reset()}. */
  int size() {
    return size;
  }

  /** Empties the buffer, keeping its chunks for what comes next. */
  void reset() {
    size = 0;
    while (chunks.size() > KEPT_CHUNKS) {
      chunks.remove(chunks.size() - 1);
    }
  }

  /** Drops everything written after the first {@code newSize} bytes. */
  void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("newSize " + newSize + " outside [0, " + size + "]");
    }
    size = newSize;
  }

  /** Returns byte {@code index} (for tests and checks; not for bulk reads). */
  byte byteAt(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
    }
    return chunks.get(index / CHUNK)[index % CHUNK];
  }

  @Override
  public void write(int b) {
    chunkFor(size)[size % CHUNK] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || length > bytes.length - offset) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + " in an array of " + bytes.length);
    }
    while (length > 0) {
      byte[] chunk = chunkFor(size);
      int at = size % CHUNK;
      int n = Math.min(length, CHUNK - at);
      System.arraycopy(bytes, offset, chunk, at, n);
      offset += n;
      length -= n;
      size += n;
    }
  }

  /** Writes the whole of {@code bytes}. */
  @Override
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /** Writes the contents to {@code out}. */
  void writeTo(OutputStream out) throws IOException {
    for (int from = 0; from < size; from += CHUNK) {
      out.write(chunks.get(from / CHUNK), 0, Math.min(CHUNK, size - from));
    }
  }

  /** Writes the contents to {@code channel}, all of them. */
  void writeTo(WritableByteChannel channel) throws IOException {
    for (int from = 0; from < size; from += CHUNK) {
      ByteBuffer buffer =
          ByteBuffer.wrap(chunks.get(from / CHUNK), 0, Math.min(CHUNK, size - from));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  /** Returns a stream over the contents; valid until the buffer is next written or reset. */
  InputStream inputStream() {
    return new InputStream() {
      private int position;

      @Override
      public int read() {
        return position < size ? byteAt(position++) & 0xff : -1;
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        if (position >= size) {
          return -1;
        }
        int n = Math.min(Math.min(length, size - position), CHUNK - position % CHUNK);
        System.arraycopy(chunks.get(position / CHUNK), position % CHUNK, into, offset, n);
        position += n;
        return n;
      }

      @Override
      public int available() {
        return size - position;
      }
    };
  }

  /** Returns the contents decoded with {@code charset} (for tests and messages). */
  String toString(Charset charset) {
    byte[] all = new byte[size];
    for (int from = 0; from < size; from += CHUNK) {
      System.arraycopy(chunks.get(from / CHUNK), 0, all, from, Math.min(CHUNK, size - from));
    }
    return new String(all, charset);
  }

  @Override
  public String toString() {
    return "PageBuffer[" + size + " bytes]";
  }

  private byte[] chunkFor(int position) {
    int index = position / CHUNK;
    if (index == chunks.size()) {
      chunks.add(new byte[CHUNK]);
    }
    return chunks.get(index);
  }
}
