package io.github.pcusage.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Keeps the body of every successful utilization page as the service sent it, so that {@code
 * --format jsonl} can write each record's own bytes (see {@link RawRecords}).
 *
 * <p>An OkHttp <em>application</em> interceptor on the client given to the SDK, so it wraps the
 * SDK's own interceptors: it sees the final answer of each call (after the SDK's retries, decoded
 * from any transfer encoding) and the call's {@code MS-RequestId}, the id that {@link
 * io.github.pcusage.Page#requestId()} reports. It does not read the body itself: it copies the
 * bytes while the SDK reads them, and keeps the copy only once the SDK has read the body to its
 * end, so a body cut short is never kept and failures reach the SDK exactly as before. A page read
 * again with the same request id (the SDK's retry of a truncated body) replaces the older copy.
 *
 * <p>Memory is bounded: {@link #take} removes a page's copy, and at most {@code maxPages} copies
 * are kept (the oldest goes first: one left behind by a listing that failed). Copies are made into
 * reused chunked buffers ({@link PageBuffer}), handed back with {@link #release}, so a long listing
 * does not allocate a page's worth of memory per page. A copy needed after it was dropped is
 * reported by the caller as a failure, never written wrong.
 */
final class RawPageCapture implements Interceptor {
  /** The SDK's default limit of a response body; a larger page is refused by the SDK anyway. */
  static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  private static final String REQUEST_ID = "MS-RequestId";
  private static final String PATH_SUFFIX = "/utilizations/azure";

  private final Map<String, PageBuffer> pages;

  /** Copies no longer needed, reused for the next pages (at most {@code maxPages}). */
  private final ArrayDeque<PageBuffer> free = new ArrayDeque<>();

  private final int maxPages;

  /**
   * @param maxPages the most page bodies kept at once: two per listing run at the same time (the
   *     page being written and the one fetched ahead) and some room
   */
  RawPageCapture(int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages < 1: " + maxPages);
    }
    this.maxPages = maxPages;
    this.pages =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PageBuffer> eldest) {
            if (size() > maxPages) {
              recycle(eldest.getValue());
              return true;
            }
            return false;
          }
        };
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    ResponseBody body = response.body();
    if (response.code() != 200 || body == null || !isUtilizationPage(request)) {
      return response;
    }
    String requestId = response.header(REQUEST_ID);
    if (requestId == null) {
      requestId = request.header(REQUEST_ID);
    }
    if (requestId == null) {
      return response;
    }
    return response.newBuilder().body(new CopyingBody(body, requestId)).build();
  }

  /**
   * Returns and forgets the body of the page the SDK got with {@code requestId}. Hand it back with
   * {@link #release} once written, so that its memory serves a later page.
   *
   * @return the body's bytes, or null when none was kept
   */
  PageBuffer take(String requestId) {
    if (requestId == null) {
      return null;
    }
    synchronized (pages) {
      return pages.remove(requestId);
    }
  }

  /** Hands back a body returned by {@link #take}; it must no longer be read. Null is ignored. */
  void release(PageBuffer body) {
    if (body != null) {
      recycle(body);
    }
  }

  /** Returns how many page bodies are kept (for tests). */
  int size() {
    synchronized (pages) {
      return pages.size();
    }
  }

  private void keep(String requestId, PageBuffer body) {
    synchronized (pages) {
      recycle(pages.remove(requestId)); // re-insert: the newest copy is the youngest entry
      pages.put(requestId, body);
    }
  }

  private PageBuffer fresh() {
    synchronized (free) {
      PageBuffer reused = free.pollFirst();
      if (reused != null) {
        reused.reset();
        return reused;
      }
    }
    return new PageBuffer();
  }

  private void recycle(PageBuffer body) {
    if (body == null) {
      return;
    }
    synchronized (free) {
      if (free.size() < maxPages && !free.contains(body)) {
        free.addFirst(body);
      }
    }
  }

  private static boolean isUtilizationPage(Request request) {
    return request.method().equals("GET") && request.url().encodedPath().endsWith(PATH_SUFFIX);
  }

  /** A response body whose bytes are copied as they are read, and kept when read to the end. */
  private final class CopyingBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    CopyingBody(ResponseBody delegate, String requestId) {
      this.delegate = delegate;
      this.source = Okio.buffer(new CopyingSource(delegate.source(), requestId));
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }

  private final class CopyingSource extends ForwardingSource {
    private final String requestId;
    private PageBuffer copy = fresh();

    CopyingSource(Source delegate, String requestId) {
      super(delegate);
      this.requestId = Objects.requireNonNull(requestId, "requestId == null");
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, byteCount);
      if (copy == null) {
        return read;
      }
      if (read == -1) {
        keep(requestId, copy);
        copy = null;
      } else if (copy.size() + read > MAX_BODY_BYTES) {
        recycle(copy); // the SDK refuses such a page; keep nothing
        copy = null;
      } else {
        // Into a reused buffer: a copy held in okio segments costs ~90 fresh segments per page.
        sink.copyTo(copy, sink.size() - read, read);
      }
      return read;
    }

    @Override
    public void close() throws IOException {
      PageBuffer unfinished = copy;
      copy = null;
      recycle(unfinished); // a body closed before its end is never kept
      super.close();
    }
  }
}
