package io.github.pcusage;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One page of a listing: its items, where the listing continues, and the ids to quote to Microsoft
 * support.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final Continuation continuation;
  private final String requestId;
  private final String correlationId;
  private final String serverId;
  private final RawItems rawItems;

  Page(List<T> items, Continuation continuation, PageIds ids, RawItems rawItems) {
    this.items = Collections.unmodifiableList(items);
    this.rawItems = rawItems;
    String requestId = ids.requestId;
    String correlationId = ids.correlationId;
    String serverId = ids.serverId;
    this.continuation = continuation;
    this.requestId = requestId;
    this.correlationId = correlationId;
    this.serverId = serverId;
  }

  /**
   * Returns the items of this page, in the order the service sent them.
   *
   * @return the items; empty for an empty listing
   */
  public List<T> items() {
    return items;
  }

  /**
   * Returns the JSON of each item exactly as received, valid until the next page of the same
   * iteration is requested: see {@link RawItems} for the lifetime.
   *
   * @return the raw items, in the order of {@link #items()}
   */
  public RawItems rawItems() {
    return rawItems;
  }

  /** Gives the raw items' memory back (the iterator does, when the next page is requested). */
  void release() {
    rawItems.release();
  }

  /**
   * Returns where the listing continues after this page, or empty on the last page.
   *
   * @return the continuation of the next page
   */
  public Optional<Continuation> continuation() {
    return Optional.ofNullable(continuation);
  }

  /**
   * Returns the {@code MS-RequestId} of the request that got this page.
   *
   * @return the request id, or {@code null} if unknown
   */
  public String requestId() {
    return requestId;
  }

  /**
   * Returns the {@code MS-CorrelationId} shared by the page requests of the listing.
   *
   * @return the correlation id, or {@code null} if unknown
   */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Returns the {@code MS-ServerId} of the server that answered.
   *
   * @return the server id, or {@code null} if the service sent none
   */
  public String serverId() {
    return serverId;
  }

  @Override
  public String toString() {
    return "Page{items="
        + items.size()
        + ", last="
        + (continuation == null)
        + ", requestId="
        + requestId
        + ", correlationId="
        + correlationId
        + ", serverId="
        + serverId
        + "}";
  }

  /** The ids a page carries, as the response echoed them. */
  static final class PageIds {
    final String requestId;
    final String correlationId;
    final String serverId;

    PageIds(String requestId, String correlationId, String serverId) {
      this.requestId = requestId;
      this.correlationId = correlationId;
      this.serverId = serverId;
    }
  }
}
