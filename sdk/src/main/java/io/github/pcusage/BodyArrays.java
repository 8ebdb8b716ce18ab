package io.github.pcusage;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
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
 * <p>At most {@value #MAX_KEPT} chunks ({@value #CHUNK} bytes each, 4 MiB in all) are kept between
 * uses: enough for the two copies of a page in flight in a few listings at once.
 */
final class BodyArrays {
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

  /** Returns how many chunks are kept (for tests). */
  static int kept() {
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

  /** One body read in full: its first {@code length} bytes over its chunks. */
  static final class Filled {
    private final List<byte[]> chunks;
    private final long length;

    private Filled(List<byte[]> chunks, long length) {
      this.chunks = chunks;
      this.length = length;
    }

    long length() {
      return length;
    }

    /**
     * Copies the bytes into a new okio buffer (for the failure path, where cost does not count).
     */
    Buffer toBuffer() {
      Buffer buffer = new Buffer();
      for (long from = 0; from < length; from += CHUNK) {
        buffer.write(chunks.get((int) (from / CHUNK)), 0, (int) Math.min(CHUNK, length - from));
      }
      return buffer;
    }

    /**
     * A source over the bytes. Closing it gives the chunks back; with {@code giveBackAsRead} each
     * chunk goes back as soon as it has been read past, and {@link #toBuffer()} is no longer
     * possible once reading has started.
     */
    BufferedSource source(boolean giveBackAsRead) {
      return Okio.buffer(new ChunkSource(chunks, length, giveBackAsRead));
    }

    /** A response body over the bytes, read once, each chunk given back as it is read past. */
    ResponseBody body(MediaType contentType) {
      BufferedSource source = source(true);
      return new ResponseBody() {
        @Override
        public MediaType contentType() {
          return contentType;
        }

        @Override
        public long contentLength() {
          return length;
        }

        @Override
        public BufferedSource source() {
          return source;
        }
      };
    }

    @Override
    public String toString() {
      return "BodyArrays.Filled[" + length + " bytes]";
    }
  }

  private static final class ChunkSource implements Source {
    private final List<byte[]> chunks;
    private final long length;
    private final boolean giveBackAsRead;
    private long position;
    private boolean closed;

    ChunkSource(List<byte[]> chunks, long length, boolean giveBackAsRead) {
      this.chunks = chunks;
      this.length = length;
      this.giveBackAsRead = giveBackAsRead;
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      if (byteCount < 0) {
        throw new IllegalArgumentException("byteCount < 0: " + byteCount);
      }
      if (position == length) {
        return -1;
      }
      int index = (int) (position / CHUNK);
      int at = (int) (position % CHUNK);
      int n = (int) Math.min(Math.min(byteCount, length - position), CHUNK - at);
      byte[] chunk = chunks.get(index);
      sink.write(chunk, at, n);
      position += n;
      if (giveBackAsRead && at + n == CHUNK) {
        chunks.set(index, null);
        give(chunk); // read past: its bytes are in the sink now
      }
      return n;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (int i = 0; i < chunks.size(); i++) {
        byte[] chunk = chunks.get(i);
        if (chunk != null) {
          chunks.set(i, null);
          give(chunk);
        }
      }
    }

    @Override
    public String toString() {
      return "ChunkSource[" + position + " of " + length + " bytes" + (closed ? ", closed]" : "]");
    }
  }
}
