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
 * the parts of the successful targets are joined in target-file order into {@code FILE} (via {@code
 * FILE.partial}, renamed atomically) or onto stdout. Failed targets are reported with their resume
 * point; with {@code --out} their checkpoints stay in {@code FILE.parts} and {@code --resume}
 * continues them, reuses the finished parts and writes {@code FILE} complete.
 *
 * <p>This class holds the options and the order of the steps; {@link ExportWorkDir} (the part files
 * and their manifest), {@link ExportRunner} (the targets, up to {@code --parallel} at a time),
 * {@link ExportOutput} (the parts joined) and {@link ExportFailureReport} do the work.
 */
@Command(
    name = "export",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Export the utilization records of many customer/subscription pairs (a CSV file) into one output,",
      "customer and subscription first, in the order of the targets file whatever --parallel is.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "2:usage error (options, targets file)",
      "3:data not ready (HTTP 204)",
      "4:authentication/authorization (401, 403)",
      "5:API, network or paging failure, or some targets failed (the others are written)",
      "6:local file error"
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

  @Mixin ListingOptions listing;

  @Mixin ConnectionOptions connection;

  private final RunContext ctx;

  ExportCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    UtilizationQuery query = listing.query();
    if (parallel < 1 || parallel > MAX_PARALLEL) {
      throw CliException.usage("--parallel must be from 1 to " + MAX_PARALLEL + ": " + parallel);
    }
    List<Target> targets = Targets.read(targetsFile);
    CliLog.configure(ctx.err, connection.verbose);
    // Keeps the pages as received, for JSONL; null for CSV.
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
      ExportWorkDir work =
          ExportWorkDir.open(
              listing.out, listing.resume, ExportWorkDir.manifest(listing.format, query, targets));
      try {
        ExportRunner runner = new ExportRunner(listing.format, query, work);
        return export(runner, targets, listings, work);
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
      ExportWorkDir work) {
    String resume = ResumeCommand.of(ctx.args);
    if (!work.temporary) {
      ResumeHint.set(
          "Finished targets and checkpoints are in " + work.dir + "; resume with:\n  " + resume);
    }
    List<TargetResult> results;
    try (Progress progress = Progress.start("export", connection.quiet, ctx.err)) {
      results = runner.run(targets, listings, parallel, progress);
    }
    List<TargetResult> failed = new ArrayList<>();
    long records = 0;
    for (TargetResult r : results) {
      if (r.failure != null) {
        failed.add(r);
      } else {
        records += r.records;
      }
    }
    ExportOutput.write(results, listing.format, listing.out, ctx.out);
    if (failed.isEmpty()) {
      if (!work.temporary) {
        work.delete();
      }
      if (!connection.quiet) {
        ctx.error(
            "exported "
                + records
                + " records of "
                + targets.size()
                + " targets"
                + (listing.out == null ? "" : " to " + listing.out));
      }
      return ExitCode.OK;
    }
    ExportFailureReport.print(ctx, targetsFile, listing.out, targets.size(), failed, work, resume);
    return ExitCode.API;
  }
}
