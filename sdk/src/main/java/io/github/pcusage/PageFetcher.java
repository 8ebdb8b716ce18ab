package io.github.pcusage;

/** Fetches the page at one position of a listing, with every retry that position allows. */
interface PageFetcher<T> {
  Page<T> fetch(Continuation position);

  /** The position of the first page. */
  Continuation start();

  /**
   * Checks that {@code continuation} belongs to this listing; throws IllegalArgumentException if
   * not.
   */
  void checkBelongs(Continuation continuation);
}
