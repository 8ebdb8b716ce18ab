package io.github.pcusage.cli;

import io.github.pcusage.PagedIterable;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Lists the targets of an export, up to {@code --parallel} at a time, each into its own part file
 * of the work directory, checkpointed after every page. A part with a checkpoint is resumed from
 * it; a finished part is kept as it is; a target that failed in an earlier run for a reason
 * retrying cannot fix is skipped unless {@code --retry-failed}. A failed target does not stop the
 * others: its failure is part of its {@link TargetResult}, and the status file (with {@code --out})
 * is rewritten after every target.
 */
public final class ExportRunner {
  private final String format;
  private final Function<Target, RecordEncoder> encoders;
  private final UtilizationQuery query;
  private final ExportWorkDir work;
  private final boolean retryFailed;

  ExportRunner(
      RecordFormat format, UtilizationQuery query, ExportWorkDir work, boolean retryFailed) {
    this(format.toString(), format::encoder, query, work, retryFailed);
  }

  /**
   * Creates a runner whose parts hold what {@code encoders} writes for each target.
   *
   * @param format names the parts' content in each target's checkpoint (a resumed part must have
   *     been written the same way)
   * @param encoders the encoder of each target's pages
   * @param query the listing of every target
   * @param work the work directory of the parts
   * @param retryFailed whether targets that failed in an earlier run are tried again
   */
  public ExportRunner(
      String format,
      Function<Target, RecordEncoder> encoders,
      UtilizationQuery query,
      ExportWorkDir work,
      boolean retryFailed) {
    this.format = format;
    this.encoders = encoders;
    this.query = query;
    this.work = work;
    this.retryFailed = retryFailed;
  }

  /**
   * Returns where every target stands before this run: complete, failed in an earlier run, or
   * unfinished (with what its checkpoint holds), in target-file order.
   *
   * @param targets the targets, in target-file order
   * @return a row per target
   */
  public List<TargetResult> before(List<Target> targets) {
    List<TargetResult> rows = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      Path part = work.parts.part(target);
      TargetResult earlier = failedEarlier(i, target, part);
      if (earlier != null) {
        rows.add(earlier);
        continue;
      }
      Checkpoint saved = savedCheckpoint(part);
      long records = saved == null ? 0 : saved.records;
      long pages = saved == null ? 0 : saved.pages;
      rows.add(
          saved != null && saved.complete && Files.exists(part)
              ? TargetResult.complete(i, target, part, records, pages)
              : TargetResult.unfinished(i, target, part, records, pages));
    }
    return rows;
  }

  /**
   * Runs every target ({@code listings.get(i)} lists {@code targets.get(i)}) and returns their
   * outcomes in target-file order; {@code status} (null without {@code --out}) gets each outcome as
   * soon as it is known.
   *
   * @param targets the targets, in target-file order
   * @param listings the listing of each target
   * @param parallel the most targets listed at the same time
   * @param progress the progress bar
   * @param status the status file, or null
   * @return every target's outcome, in target-file order
   */
  public List<TargetResult> run(
      List<Target> targets,
      List<PagedIterable<AzureUtilizationRecord>> listings,
      int parallel,
      Progress progress,
      ExportStatusFile status) {
    List<TargetResult> results = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallel, targets.size()), threads());
    try {
      List<Future<TargetResult>> futures = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  TargetResult result =
                      runTarget(index, targets.get(index), listings.get(index), progress);
                  if (status != null) {
                    status.update(result);
                  }
                  progress.targetDone();
                  return result;
                }));
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
    Path part = work.parts.part(target);
    if (!retryFailed) {
      TargetResult earlier = failedEarlier(index, target, part);
      if (earlier != null) {
        return earlier;
      }
    }
    String fingerprint =
        ListingOptions.fingerprint(format, true, target.customerId, target.subscriptionId, query);
    RecordEncoder encoder = encoders.apply(target);
    CheckpointedFile file = null;
    try {
      work.parts.clearFailure(target);
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
      return TargetResult.complete(index, target, part, file.records(), file.pages());
    } catch (IOException e) {
      return failure(
          index,
          target,
          part,
          file,
          CliException.file(
              "cannot write the files of "
                  + target
                  + " in "
                  + work.dir
                  + ": "
                  + CheckpointedFile.describe(e),
              e));
    } catch (RuntimeException e) {
      return failure(index, target, part, file, e);
    }
  }

  private TargetResult failure(
      int index, Target target, Path part, CheckpointedFile file, RuntimeException e) {
    TargetResult result =
        TargetResult.failure(
            index,
            target,
            part,
            file == null ? 0 : file.records(),
            file == null ? 0 : file.pages(),
            e,
            Failures.message(e),
            file == null ? null : file.checkpointPath);
    if (result.status == TargetResult.Status.failed && !work.temporary) {
      try {
        work.parts.saveFailure(result);
      } catch (IOException io) {
        // not saved: the next --resume tries the target again, which is safe
      }
    }
    return result;
  }

  /** Returns the failure an earlier run saved for the target, or null. */
  private TargetResult failedEarlier(int index, Target target, Path part) {
    Properties saved;
    try {
      saved = work.parts.readFailure(target);
    } catch (IOException e) {
      return null; // unreadable: try the target again
    }
    if (saved == null) {
      return null;
    }
    Checkpoint checkpoint = savedCheckpoint(part);
    int httpStatus;
    try {
      httpStatus = Integer.parseInt(saved.getProperty("http_status", "0"));
    } catch (NumberFormatException e) {
      httpStatus = 0;
    }
    return TargetResult.failedEarlier(
        index,
        target,
        part,
        checkpoint == null ? 0 : checkpoint.records,
        checkpoint == null ? 0 : checkpoint.pages,
        saved.getProperty("message", "failed"),
        httpStatus,
        emptyToNull(saved.getProperty("error_code")),
        emptyToNull(saved.getProperty("request_id")),
        checkpoint == null ? null : CheckpointedFile.checkpointOf(part));
  }

  private static Checkpoint savedCheckpoint(Path part) {
    Path file = CheckpointedFile.checkpointOf(part);
    try {
      return Files.exists(file) ? Checkpoint.read(file) : null;
    } catch (IOException e) {
      return null; // the run reports it when it resumes the part
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
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
