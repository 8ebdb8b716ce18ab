package io.github.pcusage.cli;

import io.github.pcusage.Continuation;

/** Where the encoded pages of a listing go. */
interface PageSink {
  /**
   * Takes one page: its encoded records and where the listing continues after it ({@code null} on
   * the last page).
   */
  void page(PageBuffer data, int records, Continuation next);
}
