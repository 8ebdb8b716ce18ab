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

  Page(
      List<T> items,
      Continuation continuation,
      String requestId,
      String correlationId,
      String serverId) {
    this.items = Collections.unmodifiableList(items);
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
}
