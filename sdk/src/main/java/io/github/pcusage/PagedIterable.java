package io.github.pcusage;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
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
 * records.stream().map(AzureUtilizationRecord::getQuantity)...    // as a stream
 * for (Page<AzureUtilizationRecord> page : records.byPage()) {    // page by page, to checkpoint
 *   save(page.items());
 *   page.continuation().ifPresent(c -> checkpoint(c.toString()));
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final PageFetcher<T> fetcher;
  private final Executor prefetchExecutor;
  private final ErrorMapper errors;

  PagedIterable(PageFetcher<T> fetcher, Executor prefetchExecutor, ErrorMapper errors) {
    this.fetcher = fetcher;
    this.prefetchExecutor = prefetchExecutor;
    this.errors = errors;
  }

  /**
   * Iterates over every item of every page, fetching pages as needed.
   *
   * @return a new iterator that starts the listing from its first page
   */
  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = new PageIterator(fetcher.start());
    return new Iterator<T>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

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
    };
  }

  /**
   * Returns a sequential stream of every item; lazy like {@link #iterator()}.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Returns the listing page by page, from its first page.
   *
   * @return an iterable of pages; each iteration starts anew
   */
  public Iterable<Page<T>> byPage() {
    return () -> new PageIterator(fetcher.start());
  }

  /**
   * Returns the listing page by page, resuming at {@code continuation} (from {@link
   * Page#continuation()}, {@link PartnerCenterException#continuation()} or {@link
   * Continuation#parse(String)}).
   *
   * @param continuation where to resume
   * @return an iterable of the pages from that position on
   * @throws IllegalArgumentException if the continuation belongs to another customer or
   *     subscription
   */
  public Iterable<Page<T>> byPage(Continuation continuation) {
    Objects.requireNonNull(continuation, "continuation == null");
    fetcher.checkBelongs(continuation);
    return () -> new PageIterator(continuation);
  }

  /** Walks pages, guarding against token loops, with at most one page fetched ahead. */
  private final class PageIterator implements Iterator<Page<T>> {
    private Continuation position;
    private FutureTask<Page<T>> ahead;
    private Page<T> ready;
    private final Set<String> seenTokens = new HashSet<>();

    PageIterator(Continuation start) {
      this.position = start;
      remember(start);
    }

    @Override
    public boolean hasNext() {
      if (ready != null) {
        return true;
      }
      if (position == null) {
        return false;
      }
      Continuation fetching = position;
      Page<T> page = ahead != null ? await(ahead) : fetcher.fetch(fetching);
      ahead = null;
      Continuation next = page.continuation().orElse(null);
      if (next != null) {
        checkNotRepeated(next, page, fetching);
        if (prefetchExecutor != null) {
          FutureTask<Page<T>> task = new FutureTask<>(() -> fetcher.fetch(next));
          prefetchExecutor.execute(task);
          ahead = task;
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
      Page<T> page = ready;
      ready = null;
      return page;
    }

    private void checkNotRepeated(Continuation next, Page<T> page, Continuation fetched) {
      String token = tokenOf(next);
      if (token == null || token.isEmpty()) {
        position = null;
        throw errors.paging(
            "the next link carries no "
                + HeaderNames.CONTINUATION_TOKEN
                + " (it would repeat the same page)",
            page.requestId(),
            page.correlationId(),
            fetched);
      }
      if (!seenTokens.add(token)) {
        position = null;
        throw errors.paging(
            "the service sent a continuation token it had already sent in this listing (a paging loop)",
            page.requestId(),
            page.correlationId(),
            fetched);
      }
    }

    private void remember(Continuation start) {
      String token = tokenOf(start);
      if (token != null) {
        seenTokens.add(token);
      }
    }

    private Page<T> await(FutureTask<Page<T>> task) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return task.get();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException(cause);
      } catch (CancellationException e) {
        throw new IllegalStateException("the prefetch of the next page was cancelled", e);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static String tokenOf(Continuation c) {
    if (c.isFirstPage()) {
      return null;
    }
    for (java.util.Map.Entry<String, String> header : c.headers()) {
      if (header.getKey().equalsIgnoreCase(HeaderNames.CONTINUATION_TOKEN)) {
        return header.getValue();
      }
    }
    return "";
  }
}
