package io.github.pcusage;

import io.github.pcusage.internal.http.BodyArrays;
import io.github.pcusage.internal.http.ResourceCollection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The JSON of a page's items exactly as the service sent them: for item {@code i}, the bytes from
 * its first byte to its last (no byte order mark, no whitespace or comma around it; inside it,
 * every byte untouched: number text, escapes, unknown fields, whitespace, line breaks). Found in
 * the same pass over the body that decoded {@link Page#items()}, and in the same order: item {@code
 * i} here is {@code items().get(i)}.
 *
 * <p><b>Lifetime.</b> The bytes live in memory the client reuses for later pages. They stay valid
 * until the next page of the same iteration is requested: the next {@code hasNext()} or {@code
 * next()} of the iterator that returned the page (which a {@code for} loop makes at the end of each
 * pass), or the close of its stream. After that, every method but {@link #size()} throws {@link
 * IllegalStateException}; it never returns another page's bytes. Copy what must outlive the page
 * ({@link #toByteArray(int)}). A page fetched ahead (prefetch) keeps its own bytes; the current
 * page's stay intact meanwhile. Read them on the thread that iterates. Kept only for the pages of
 * {@code PagedIterable.byPage()}.
 */
public final class RawItems {
  private final BodyArrays.Filled body;
  private final ResourceCollection<?> ranges;
  private final int size;

  /** {@code body} is null when the page's bytes were not kept (an item iteration). */
  RawItems(BodyArrays.Filled body, ResourceCollection<?> ranges) {
    this.body = body;
    this.ranges = body == null ? null : ranges; // nothing to find without the bytes: not kept
    this.size = ranges.items().size();
  }

  /** The raw items of a page without items (a listing's end read from an error). */
  static RawItems none() {
    return new RawItems(null, ResourceCollection.empty());
  }

  /**
   * Returns the number of items, as {@code Page.items().size()}.
   *
   * @return the number of items
   */
  public int size() {
    return size;
  }

  /**
   * Returns the length in bytes of item {@code i}'s JSON.
   *
   * @param i the item index, from 0
   * @return its length
   * @throws IndexOutOfBoundsException if {@code i} is not an item index
   * @throws IllegalStateException if the page's memory was reused
   */
  public int length(int i) {
    Objects.checkIndex(i, size);
    checkLive();
    return (int) (ranges.end(i) - ranges.start(i));
  }

  /**
   * Returns a copy of item {@code i}'s JSON.
   *
   * @param i the item index, from 0
   * @return a new array holding the item's bytes
   * @throws IndexOutOfBoundsException if {@code i} is not an item index
   * @throws IllegalStateException if the page's memory was reused
   */
  public byte[] toByteArray(int i) {
    byte[] bytes = new byte[length(i)];
    body.copy(ranges.start(i), bytes, 0, bytes.length);
    return bytes;
  }

  /**
   * Writes item {@code i}'s JSON to {@code out}, without copying it first.
   *
   * @param i the item index, from 0
   * @param out where to write; not flushed or closed
   * @throws IOException if {@code out} fails
   * @throws IndexOutOfBoundsException if {@code i} is not an item index
   * @throws IllegalStateException if the page's memory was reused
   */
  public void writeTo(int i, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out == null");
    int length = length(i);
    body.writeTo(ranges.start(i), length, out);
  }

  /** Gives the memory back; later reads throw. */
  void release() {
    if (body != null) {
      body.release();
    }
  }

  private boolean isReleased() {
    return body == null || body.isReleased();
  }

  private void checkLive() {
    if (body == null) {
      throw new IllegalStateException(
          "the raw items of a page are kept only for pages of byPage(): an item iteration or"
              + " stream() gives each page's memory back as soon as the page is decoded");
    }
    if (body.isReleased()) {
      throw new IllegalStateException(
          "the raw items of this page are no longer available: they are valid only until the next"
              + " page is requested (copy them with toByteArray first)");
    }
  }

  @Override
  public String toString() {
    return "RawItems{" + size + " items" + (isReleased() ? ", released}" : "}");
  }
}
