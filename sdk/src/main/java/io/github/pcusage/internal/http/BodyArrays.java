package io.github.pcusage.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

/**
 * Reused memory for response bodies that are read in full: 64 KiB chunks, kept between uses.
 *
 * <p>A utilization page is about 0.7 MB. Held in an okio {@link Buffer} it takes about ninety fresh
 * 8 KiB segments (okio's segment pool keeps only 64 KiB per thread), and over a long listing those
 * were half of everything the process allocated. A body read into chunks, and streamed from them,
 * costs no allocation of its size: the chunks come back here as they are read, and the segments
 * used to read the socket and to decode go back to okio's pool as they are consumed. Chunks rather
 * than one array of the page's size: on a small heap G1 gives an array of half a region or more
 * (512 KiB at {@code -Xmx32m}) whole regions of its own.
 *
 * <p>A page's chunks are kept while its raw items ({@code Page.rawItems()}) may be read: until the
 * next page of its listing is requested. At most {@value #MAX_KEPT} chunks ({@value #CHUNK} bytes
 * each, 4 MiB in all) are kept between uses: enough for the pages in flight (the caller's, the one
 * fetched ahead, the one being read) of a few listings at once. The one chunk pool of the SDK.
 */
public final class BodyArrays {
  static final int CHUNK = 64 << 10;
  static final int MAX_KEPT = 64;

  private static final ArrayDeque<byte[]> KEPT = new ArrayDeque<>();

  private BodyArrays() {}

  /** Returns a chunk, reused when one is kept. */
  static byte[] take() {
    synchronized (KEPT) {
      byte[] chunk = KEPT.pollFirst();
      if (chunk != null) {
        return chunk;
      }
    }
    return new byte[CHUNK];
  }

  /** Hands {@code chunk} back for reuse; its contents must no longer be read. */
  static void give(byte[] chunk) {
    synchronized (KEPT) {
      if (KEPT.size() < MAX_KEPT) {
        KEPT.addFirst(chunk);
      }
    }
  }

  /**
   * Returns how many chunks are kept between uses (for tests).
   *
   * @return the number of chunks in the pool
   */
  public static int kept() {
    synchronized (KEPT) {
      return KEPT.size();
    }
  }

  /**
   * Reads {@code source} to its end into chunks.
   *
   * @param maxBytes the most bytes accepted
   * @return the bytes, or null when there are more than {@code maxBytes} (the chunks taken are
   *     given back)
   */
  static Filled readAll(BufferedSource source, long maxBytes) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    long length = 0;
    boolean done = false;
    try {
      while (true) {
        int at = (int) (length % CHUNK);
        if (at == 0) {
          if (length > maxBytes) {
            return null;
          }
          chunks.add(take());
        }
        int read = source.read(chunks.get(chunks.size() - 1), at, CHUNK - at);
        if (read == -1) {
          break;
        }
        length += read;
      }
      if (length > maxBytes) {
        return null;
      }
      done = true;
      return new Filled(chunks, length);
    } finally {
      if (!done) {
        chunks.forEach(BodyArrays::give);
      }
    }
  }

  /**
   * One body read in full: its first {@code length} bytes over its chunks, kept until {@link
   * #release()} hands the chunks back. Reading after the release throws {@link
   * IllegalStateException}, never returns another body's bytes.
   */
  public static final class Filled {
    private final List<byte[]> chunks;
    private final long length;
    private volatile boolean released;

    private Filled(List<byte[]> chunks, long length) {
      this.chunks = chunks;
      this.length = length;
    }

    /**
     * Returns the number of bytes.
     *
     * @return the length
     */
    public long length() {
      return length;
    }

    /**
     * Copies bytes {@code [from, from + count)} into {@code target} at {@code offset}.
     *
     * @throws IllegalStateException if the body was released
     */
    public void copy(long from, byte[] target, int offset, int count) {
      checkLive();
      int done = 0;
      while (done < count) {
        long at = from + done;
        int inChunk = (int) (at % CHUNK);
        int n = Math.min(count - done, CHUNK - inChunk);
        System.arraycopy(chunks.get((int) (at / CHUNK)), inChunk, target, offset + done, n);
        done += n;
      }
      checkLive(); // released while copying: the bytes may be another body's
    }

    /**
     * Writes bytes {@code [from, from + count)} to {@code out}, chunk by chunk.
     *
     * @throws IllegalStateException if the body was released
     */
    public void writeTo(long from, long count, OutputStream out) throws IOException {
      long done = 0;
      while (done < count) {
        checkLive();
        long at = from + done;
        int inChunk = (int) (at % CHUNK);
        int n = (int) Math.min(count - done, CHUNK - inChunk);
        out.write(chunks.get((int) (at / CHUNK)), inChunk, n);
        done += n;
      }
      checkLive();
    }

    /** Returns the byte at {@code at}. */
    byte byteAt(long at) {
      return chunks.get((int) (at / CHUNK))[(int) (at % CHUNK)];
    }

    /**
     * Copies the bytes into a new okio buffer (for the failure path, where cost does not count).
     */
    Buffer toBuffer() {
      checkLive();
      Buffer buffer = new Buffer();
      for (long from = 0; from < length; from += CHUNK) {
        buffer.write(chunks.get((int) (from / CHUNK)), 0, (int) Math.min(CHUNK, length - from));
      }
      return buffer;
    }

    /** A source over the bytes; the chunks stay until {@link #release()}. */
    Source source() {
      return source(0);
    }

    /** A source over the bytes from {@code from} on; the chunks stay until {@link #release()}. */
    Source source(long from) {
      checkLive();
      if (from < 0 || from > length) {
        throw new IndexOutOfBoundsException("from " + from + " of " + length + " bytes");
      }
      return new ChunkSource(this, from);
    }

    /**
     * Hands the chunks back for reuse; later reads throw {@link IllegalStateException}. Idempotent.
     */
    public void release() {
      synchronized (this) {
        if (released) {
          return;
        }
        released = true;
      }
      for (int i = 0; i < chunks.size(); i++) {
        give(chunks.set(i, null));
      }
    }

    /**
     * Returns whether {@link #release()} was called.
     *
     * @return true once released
     */
    public boolean isReleased() {
      return released;
    }

    private void checkLive() {
      if (released) {
        throw new IllegalStateException(
            "the body's memory was reused: raw bytes are valid only until the next page is"
                + " requested");
      }
    }

    @Override
    public String toString() {
      return "BodyArrays.Filled[" + length + " bytes" + (released ? ", released]" : "]");
    }
  }

  private static final class ChunkSource implements Source {
    private final Filled body;
    private long position;

    ChunkSource(Filled body, long from) {
      this.body = body;
      this.position = from;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (byteCount < 0) {
        throw new IllegalArgumentException("byteCount < 0: " + byteCount);
      }
      if (position == body.length) {
        return -1;
      }
      body.checkLive();
      int index = (int) (position / CHUNK);
      int at = (int) (position % CHUNK);
      int n = (int) Math.min(Math.min(byteCount, body.length - position), CHUNK - at);
      sink.write(body.chunks.get(index), at, n);
      position += n;
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "ChunkSource[" + position + " of " + body.length + " bytes]";
    }
  }
}
