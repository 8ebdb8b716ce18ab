package io.github.pcusage.cli;

import io.github.pcusage.Continuation;
import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.model.AzureUtilizationRecord;

/**
 * Pages one listing into a sink: encode a page, hand it over, report progress, next page. Retries
 * are the SDK's (a truncated page, 429, 5xx, I/O): a failure that reaches here is final for this
 * run, and the sink holds every page before it.
 */
final class ListingRun {
  private ListingRun() {}

  /**
   * Runs the listing from {@code from} (null: from its first page) to its end.
   *
   * @return the number of records written by this run
   * @throws io.github.pcusage.PartnerCenterException when a page cannot be fetched; everything
   *     before it is in the sink
   */
  static long run(
      PagedIterable<AzureUtilizationRecord> listing,
      Continuation from,
      RecordEncoder encoder,
      PageSink sink,
      Progress progress) {
    Iterable<Page<AzureUtilizationRecord>> pages =
        from == null ? listing.byPage() : listing.byPage(from);
    long written = 0;
    PageBuffer buffer = new PageBuffer();
    for (Page<AzureUtilizationRecord> page : pages) {
      buffer.reset();
      // The page's raw items are valid until the loop asks for the next page: encode them now.
      encoder.encode(page, buffer);
      // One reused buffer of small chunks (see PageBuffer), handed over as is, never copied.
      sink.page(buffer, page.items().size(), page.continuation().orElse(null));
      written += page.items().size();
      progress.page(page.items().size());
    }
    return written;
  }
}
