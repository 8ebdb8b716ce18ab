package io.github.pcusage;

import io.github.pcusage.internal.http.Cancellation;
import io.github.pcusage.internal.http.HeaderNames;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing: no request is sent before iteration starts, pages are fetched one at a time (with
 * at most one page fetched ahead, while the caller works on the current one, when prefetch is on),
 * and every iteration starts the listing anew.
 *
 * <p>A listing either returns every record or throws a {@link PartnerCenterException} whose {@link
 * PartnerCenterException#continuation()} says where to resume; it never ends early in silence.
 *
 * <pre>{@code
 * for (AzureUtilizationRecord record : records) { ... }           // record by record
 * try (Stream<AzureUtilizationRecord> s = records.stream()) {      // as a stream
 *   s.map(AzureUtilizationRecord::getQuantity)...
 * }
 * for (Page<AzureUtilizationRecord> page : records.byPage()) {    // page by page, to checkpoint
 *   save(page.items());
 *   page.continuation().ifPresent(c -> checkpoint(c.encode()));
 * }
 * }</pre>
 *
 * <p><b>Stopping early.</b> The page fetched ahead is cancelled (its request's socket closed, its
 * retry waits interrupted, its memory given back) when the {@link Stream} of {@link #stream()} is
 * closed: use it in try-with-resources. A {@code for} loop, an {@link #iterator()} or a {@link
 * #byPage()} loop that stops early cannot tell the listing: at most the one page already being
 * fetched ahead completes in the background and is dropped; no further page is requested.
 *
 * <p><b>Raw items.</b> {@link Page#rawItems()} of a page stays valid until the next page of the
 * same iteration is requested (the iterator's next {@code hasNext()} or {@code next()}, which a
 * {@code for} loop makes at the end of each pass) or its stream is closed; see {@link RawItems}.
 * Only {@link #byPage()} keeps them: an item iteration ({@link #iterator()}, {@link #stream()})
 * never shows its pages and gives each page's memory back as soon as it is decoded.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final ResourcePager<T> pager;
  private final Executor prefetchExecutor;

  PagedIterable(ResourcePager<T> pager, Executor prefetchExecutor) {
    this.pager = pager;
    this.prefetchExecutor = prefetchExecutor;
  }

  /**
   * Iterates over every item of every page, fetching pages as needed.
   *
   * @return a new iterator that starts the listing from its first page
   */
  @Override
  public Iterator<T> iterator() {
    return new ItemIterator(new PageIterator(pager.start(), false));
  }

  /**
   * Returns a sequential stream of every item; lazy like {@link #iterator()}. Closing the stream
   * cancels the page being fetched ahead.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    ItemIterator items = new ItemIterator(new PageIterator(pager.start(), false));
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(items.pages::close);
  }

  /**
   * Returns the listing page by page, from its first page.
   *
   * @return an iterable of pages; each iteration starts anew
   */
  public Iterable<Page<T>> byPage() {
    return () -> new PageIterator(pager.start(), true);
  }

  /**
   * Returns the listing page by page, resuming at {@code continuation} (from {@link
   * Page#continuation()}, {@link PartnerCenterException#continuation()} or {@link
   * Continuation#parse(String)}).
   *
   * @param continuation where to resume
   * @return an iterable of the pages from that position on
   * @throws IllegalArgumentException if the continuation belongs to another listing, customer or
   *     subscription
   */
  public Iterable<Page<T>> byPage(Continuation continuation) {
    Objects.requireNonNull(continuation, "continuation == null");
    pager.checkBelongs(continuation);
    return () -> new PageIterator(continuation, true);
  }

  private final class ItemIterator implements Iterator<T> {
    final PageIterator pages;
    private Iterator<T> current = Collections.emptyIterator();

    ItemIterator(PageIterator pages) {
      this.pages = pages;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!pages.hasNext()) {
          return false;
        }
        current = pages.next().items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

  /**
   * Walks pages, guarding against token loops, with at most one page fetched ahead. Keeps each
   * page's raw bytes only when its pages are handed to the caller ({@code keepRaw}).
   */
  private final class PageIterator implements Iterator<Page<T>> {
    private final boolean keepRaw;
    private Continuation position;
    private Prefetch<T> ahead;
    private Page<T> ready;
    private Page<T> handedOut;
    private boolean closed;
    private final Set<String> seenTokens = new HashSet<>();

    PageIterator(Continuation start, boolean keepRaw) {
      this.keepRaw = keepRaw;
      this.position = start;
      String token = tokenOf(start);
      if (token != null) {
        seenTokens.add(token);
      }
    }

    @Override
    public boolean hasNext() {
      if (ready != null) {
        return true;
      }
      releaseHandedOut();
      if (closed || position == null) {
        return false;
      }
      Continuation fetching = position;
      Page<T> page;
      if (ahead != null) {
        Prefetch<T> task = ahead;
        ahead = null;
        page = task.await();
      } else {
        page = pager.fetch(fetching, Cancellation.NONE, keepRaw);
      }
      Continuation next = page.continuation().orElse(null);
      if (next != null) {
        try {
          checkNotRepeated(next, page, fetching);
        } catch (RuntimeException e) {
          page.release();
          throw e;
        }
        if (prefetchExecutor != null) {
          ahead = new Prefetch<>(pager, next, keepRaw, prefetchExecutor);
        }
      }
      position = next;
      ready = page;
      return true;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      handedOut = ready;
      ready = null;
      return handedOut;
    }

    /** Stops the listing: cancels the page fetched ahead and gives back the pages' memory. */
    void close() {
      closed = true;
      position = null;
      if (ahead != null) {
        ahead.cancel();
        ahead = null;
      }
      releaseHandedOut();
      if (ready != null) {
        ready.release();
        ready = null;
      }
    }

    private void releaseHandedOut() {
      if (handedOut != null) {
        handedOut.release();
        handedOut = null;
      }
    }

    private void checkNotRepeated(Continuation next, Page<T> page, Continuation fetched) {
      String token = tokenOf(next);
      if (token == null || token.isEmpty()) {
        position = null;
        throw pager
            .engine()
            .errors()
            .paging(
                pager.items(),
                "the next link carries no "
                    + HeaderNames.CONTINUATION_TOKEN
                    + " (it would repeat the same page)",
                page.requestId(),
                page.correlationId(),
                fetched);
      }
      if (!seenTokens.add(token)) {
        position = null;
        throw pager
            .engine()
            .errors()
            .paging(
                pager.items(),
                "the service sent a continuation token it had already sent in this listing (a paging loop)",
                page.requestId(),
                page.correlationId(),
                fetched);
      }
    }
  }

  private static String tokenOf(Continuation c) {
    if (c.isFirstPage()) {
      return null;
    }
    for (Map.Entry<String, String> header : c.headers()) {
      if (header.getKey().equalsIgnoreCase(HeaderNames.CONTINUATION_TOKEN)) {
        return header.getValue();
      }
    }
    return "";
  }
}
