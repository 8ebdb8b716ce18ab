package io.github.pcusage.internal.http;

import io.github.pcusage.model.ResourceLinks;
import java.util.List;

/**
 * One decoded page of a Partner Center {@code ResourceCollection}: its items, its links (where the
 * listing goes next) and where each item's JSON lies in the body.
 *
 * @param <T> the item type
 */
public final class ResourceCollection<T> {
  private final List<T> items;
  private final ResourceLinks links;
  private final long[] starts;
  private final long[] ends;

  ResourceCollection(List<T> items, ResourceLinks links, long[] starts, long[] ends) {
    this.items = items;
    this.links = links;
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * Returns a collection without items or links.
   *
   * @param <T> the item type
   * @return an empty collection
   */
  public static <T> ResourceCollection<T> empty() {
    return new ResourceCollection<>(List.of(), null, new long[0], new long[0]);
  }

  /**
   * Returns the items, in the order received.
   *
   * @return the items
   */
  public List<T> items() {
    return items;
  }

  /**
   * Returns the links, or {@code null} when the body had none.
   *
   * @return the links
   */
  public ResourceLinks links() {
    return links;
  }

  /**
   * Returns the body offset where item {@code i}'s JSON starts.
   *
   * @param i the item index
   * @return the offset of its first byte
   */
  public long start(int i) {
    return starts[i];
  }

  /**
   * Returns the body offset just past item {@code i}'s JSON.
   *
   * @param i the item index
   * @return the offset after its last byte
   */
  public long end(int i) {
    return ends[i];
  }
}
