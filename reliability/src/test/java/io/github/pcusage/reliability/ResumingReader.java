package io.github.pcusage.reliability;

import io.github.pcusage.Continuation;
import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a listing to its end the way a careful caller does: page by page (or record by record), and
 * when a {@link PartnerCenterException} ends it, resumes from the exception's {@link Continuation}
 * after a round trip through its saved form ({@code toString()} then {@code parse}), as a caller
 * resuming on another machine would. Any other exception, or a failure without a continuation, is a
 * defect and propagates.
 */
final class ResumingReader {
  /** How the caller walks the listing. */
  enum Style {
    PAGES,
    RECORDS
  }

  private final int maxResumes;
  private final Consumer<PartnerCenterException> onFailure;
  private final Consumer<Page<AzureUtilizationRecord>> onPage;

  ResumingReader(
      int maxResumes,
      Consumer<PartnerCenterException> onFailure,
      Consumer<Page<AzureUtilizationRecord>> onPage) {
    this.maxResumes = maxResumes;
    this.onFailure = onFailure;
    this.onPage = onPage;
  }

  ResumingReader(int maxResumes) {
    this(maxResumes, e -> {}, p -> {});
  }

  Result read(PagedIterable<AzureUtilizationRecord> listing, Style style) {
    Result result = new Result();
    Continuation resumeAt = null;
    while (true) {
      try {
        if (style == Style.RECORDS && resumeAt == null) {
          // Record by record from the start; an exception can only come between two pages.
          Iterator<AzureUtilizationRecord> records = listing.iterator();
          while (records.hasNext()) {
            result.digests.add(RecordDigests.of(records.next()));
          }
        } else {
          Iterable<Page<AzureUtilizationRecord>> pages =
              resumeAt == null ? listing.byPage() : listing.byPage(resumeAt);
          for (Page<AzureUtilizationRecord> page : pages) {
            result.pages++;
            onPage.accept(page);
            for (AzureUtilizationRecord record : page.items()) {
              result.digests.add(RecordDigests.of(record));
            }
          }
        }
        return result;
      } catch (PartnerCenterException e) {
        onFailure.accept(e);
        result.failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        Continuation at =
            e.continuation()
                .orElseThrow(
                    () -> new AssertionError("a listing failed without a continuation", e));
        if (++result.resumes > maxResumes) {
          throw new AssertionError("still failing after " + maxResumes + " resumes", e);
        }
        resumeAt = Continuation.parse(at.encode());
      }
    }
  }

  /** What one listing returned. */
  static final class Result {
    final List<String> digests = new ArrayList<>();
    final Map<String, Integer> failures = new TreeMap<>();
    int resumes;
    int pages;
  }
}
