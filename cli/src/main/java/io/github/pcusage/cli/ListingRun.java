package io.github.pcusage.cli;

import io.github.pcusage.Continuation;
import io.github.pcusage.InvalidResponseException;
import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.model.AzureUtilizationRecord;

/**
 * Pages one listing into a sink: encode a page, hand it over, report progress, next page.
 *
 * <p>A page whose body cannot be decoded ({@link InvalidResponseException}, e.g. a 200 whose JSON
 * stops halfway) is fetched again from the exception's continuation, up to {@code maxAttempts}
 * times in a row: the SDK retries only bodies cut short of their {@code Content-Length}.
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
      Progress progress,
      int maxAttempts) {
    Continuation position = from;
    int failures = 0;
    long written = 0;
    PageBuffer buffer = new PageBuffer();
    while (true) {
      Iterable<Page<AzureUtilizationRecord>> pages =
          position == null ? listing.byPage() : listing.byPage(position);
      try {
        for (Page<AzureUtilizationRecord> page : pages) {
          buffer.reset();
          encoder.encode(page, buffer);
          // One reused buffer of small chunks (see PageBuffer), handed over as is, never copied.
          sink.page(buffer, page.items().size(), page.continuation().orElse(null));
          written += page.items().size();
          progress.page(page.items().size());
          failures = 0;
        }
        return written;
      } catch (InvalidResponseException e) {
        if (e.continuation().isEmpty() || ++failures >= maxAttempts) {
          throw e;
        }
        position = e.continuation().get();
        CliLog.write(
            "io.github.pcusage.cli",
            org.slf4j.event.Level.DEBUG,
            "fetching the page again ("
                + failures
                + " of "
                + (maxAttempts - 1)
                + "): "
                + e.getMessage(),
            null);
      }
    }
  }
}
