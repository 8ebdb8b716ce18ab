package io.github.pcusage.cli;

import io.github.pcusage.PagedIterable;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pcusage export}: the utilization records of many customer/subscription pairs into one
 * output, with bounded concurrency, a shared throttle, a checkpoint per target, and the output in
 * target-file order whatever {@code --parallel} is.
 *
 * <p>Each target is written to its own part file in a work directory ({@code FILE.parts} with
 * {@code --out FILE}, a temporary directory otherwise), checkpointed after every page. At the end
 * the parts of the complete targets are joined in target-file order into {@code FILE} (via {@code
 * FILE.partial}, renamed atomically) or onto stdout. With {@code --out}, {@code FILE.status.csv}
 * holds every target's status, rewritten after every target. A target refused with a 4xx is {@code
 * failed} (exit 5 when it is all that is missing); one that may pass is {@code unfinished} (exit
 * 7): {@code --resume} continues the unfinished ones, retries the failed ones with {@code
 * --retry-failed}, and follows an edited targets file.
 *
 * <p>This class holds the options and the order of the steps; {@link ExportWorkDir} (the part files
 * and their manifest), {@link ExportRunner} (the targets, up to {@code --parallel} at a time),
 * {@link ExportStatusFile}, {@link ExportOutput} (the parts joined) and {@link ExportFailureReport}
 * do the work.
 */
@Command(
    name = "export",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Export the utilization records of many customer/subscription pairs (a CSV file) into one output,",
      "customer and subscription first, in the order of the targets file whatever --parallel is.",
      "With --out FILE, FILE.status.csv lists every target: complete, failed (refused with HTTP 4xx:",
      "--resume skips it unless --retry-failed) or unfinished (--resume continues it). --resume",
      "follows an edited targets file: it reuses the parts of the pairs still listed, fetches added",
      "pairs and drops removed ones.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok: every target is complete",
      "2:usage error (options, targets file)",
      "4:authentication (no token could be obtained)",
      "5:complete but for the failed targets (HTTP 4xx); every other is written",
      "6:local file error",
      "7:incomplete, resumable: targets unfinished (network, 5xx, 429, 401, 204); --resume",
    },
    footerHeading = "%nTargets file (CSV, UTF-8):%n",
    footer = {"  customer,subscription", "  <customer id>,<subscription id>", "  ..."})
final class ExportCommand implements Callable<Integer> {
  static final int MAX_PARALLEL = 64;

  @Option(
      names = "--targets",
      required = true,
      paramLabel = "FILE",
      description = "CSV file with a header line customer,subscription and one pair per line.")
  Path targetsFile;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Targets listed at the same time, 1 to " + MAX_PARALLEL + " (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = "--retry-failed",
      description = "With --resume: retry the failed targets too (refused with HTTP 4xx before).")
  boolean retryFailed;

  @Mixin ListingOptions listing;

  @Mixin ConnectionOptions connection;

  private final RunContext ctx;

  ExportCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    UtilizationQuery query = listing.query();
    RecordFormat format = listing.recordFormat();
    if (parallel < 1 || parallel > MAX_PARALLEL) {
      throw CliException.usage("--parallel must be from 1 to " + MAX_PARALLEL + ": " + parallel);
    }
    if (retryFailed && !listing.resume) {
      throw CliException.usage(
          "--retry-failed needs --resume: it retries the failed targets of an export");
    }
    List<Target> targets = Targets.read(targetsFile);
    CliLog.configure(ctx.err, connection.verbose);
    try (Connection conn = Connection.open(connection, ctx)) {
      List<PagedIterable<AzureUtilizationRecord>> listings = new ArrayList<>();
      for (Target target : targets) {
        try {
          listings.add(conn.client.utilizations(target.customerId, target.subscriptionId, query));
        } catch (IllegalArgumentException e) {
          throw CliException.usage(
              "--targets: "
                  + targetsFile
                  + " line "
                  + target.line
                  + ": "
                  + Failures.optionNames(e.getMessage()));
        }
      }
      ExportWorkDir work = ExportWorkDir.open(listing.out, listing.resume, format, query, targets);
      if ((work.added > 0 || work.removed > 0) && !connection.quiet) {
        ctx.error(
            "--resume: "
                + targetsFile
                + " changed since the export started: "
                + work.added
                + " added, "
                + work.removed
                + " removed; the parts of the "
                + Progress.plural(targets.size() - work.added, "other target")
                + " are reused");
      }
      try {
        ExportRunner runner = new ExportRunner(format, query, work, retryFailed);
        return export(runner, targets, listings, work, format);
      } finally {
        ResumeHint.clear();
        if (work.temporary) {
          work.delete();
        }
      }
    }
  }

  private int export(
      ExportRunner runner,
      List<Target> targets,
      List<PagedIterable<AzureUtilizationRecord>> listings,
      ExportWorkDir work,
      RecordFormat format) {
    ExportStatusFile status = null;
    if (!work.temporary) {
      ResumeHint.set(
          "Finished targets and checkpoints are in "
              + work.dir
              + "; resume with:\n  "
              + ResumeCommand.of(ctx.args));
      status = ExportStatusFile.start(listing.out, runner.before(targets));
    }
    List<TargetResult> results;
    try (Progress progress = Progress.start("export", connection.quiet, ctx.err, targets.size())) {
      results = runner.run(targets, listings, parallel, progress, status);
    }
    long records = 0;
    boolean unfinished = false;
    boolean failed = false;
    for (TargetResult r : results) {
      records += r.status == TargetResult.Status.complete ? r.records : 0;
      unfinished |= r.status == TargetResult.Status.unfinished;
      failed |= r.status == TargetResult.Status.failed;
    }
    ExportOutput.write(results, format, listing.out, ctx.out);
    if (!unfinished && !failed) {
      if (!work.temporary) {
        work.delete();
      }
      if (!connection.quiet) {
        ctx.error(
            "exported "
                + Progress.plural(records, "record")
                + " of "
                + Progress.plural(targets.size(), "target")
                + (listing.out == null ? "" : " to " + listing.out));
      }
      return ExitCode.OK;
    }
    ExportFailureReport.print(
        ctx,
        targetsFile,
        listing.out,
        results,
        work,
        status == null ? null : status.file,
        ctx.args);
    return unfinished && !work.temporary ? ExitCode.INCOMPLETE : ExitCode.API;
  }
}
