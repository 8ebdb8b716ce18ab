package io.github.pcusage.cli;

import io.github.pcusage.PagedIterable;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lists the targets of an export, up to {@code --parallel} at a time, each into its own part file
 * of the work directory, checkpointed after every page. A part with a checkpoint is resumed from
 * it; a finished part is kept as it is. A failed target does not stop the others: its failure is
 * part of its {@link TargetResult}.
 */
final class ExportRunner {
  private final OutputFormat format;
  private final UtilizationQuery query;
  private final ExportWorkDir work;

  ExportRunner(OutputFormat format, UtilizationQuery query, ExportWorkDir work) {
    this.format = format;
    this.query = query;
    this.work = work;
  }

  /**
   * Runs every target ({@code listings.get(i)} lists {@code targets.get(i)}) and returns their
   * outcomes in target-file order.
   */
  List<TargetResult> run(
      List<Target> targets,
      List<PagedIterable<AzureUtilizationRecord>> listings,
      int parallel,
      Progress progress) {
    List<TargetResult> results = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallel, targets.size()), threads());
    try {
      List<Future<TargetResult>> futures = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        int index = i;
        futures.add(
            pool.submit(() -> runTarget(index, targets.get(index), listings.get(index), progress)));
      }
      for (Future<TargetResult> future : futures) {
        results.add(await(future));
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private TargetResult runTarget(
      int index, Target target, PagedIterable<AzureUtilizationRecord> records, Progress progress) {
    Path part = work.part(index, format);
    String fingerprint =
        ListingOptions.fingerprint(format, true, target.customerId, target.subscriptionId, query);
    RecordEncoder encoder = RecordEncoder.of(format, target);
    CheckpointedFile file = null;
    try {
      file =
          Files.exists(CheckpointedFile.checkpointOf(part))
              ? CheckpointedFile.resume(part, "--out", fingerprint, new byte[0], true)
              : CheckpointedFile.create(part, "--out", fingerprint, new byte[0], true);
      try (CheckpointedFile open = file) {
        if (!open.isComplete()) {
          ListingRun.run(records, open.resumeFrom(), encoder, open, progress);
        }
        open.finish();
      }
      return new TargetResult(index, target, part, file.records(), file.pages(), null, null);
    } catch (RuntimeException e) {
      long written = file == null ? 0 : file.records();
      long pages = file == null ? 0 : file.pages();
      Path checkpoint = file == null ? null : file.checkpointPath;
      return new TargetResult(index, target, part, written, pages, e, checkpoint);
    }
  }

  private static TargetResult await(Future<TargetResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.API, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException
          ? (RuntimeException) cause
          : new IllegalStateException(cause);
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "pcusage-export-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
