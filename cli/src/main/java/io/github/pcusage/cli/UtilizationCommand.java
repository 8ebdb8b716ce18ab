package io.github.pcusage.cli;

import io.github.pcusage.PagedIterable;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pcusage utilization}: the Azure utilization records of one customer's subscription. */
@Command(
    name = "utilization",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "List the Azure utilization records of a customer's subscription as JSONL or CSV (or CSV for Excel).",
      "The window [--start, --end) selects records by the time usage was reported to billing, not consumed.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "2:usage error",
      "3:data not ready (HTTP 204)",
      "4:authentication/authorization (401, 403)",
      "5:API, network or paging failure",
      "6:local file error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pcusage utilization --sandbox --customer C --subscription S --start 2026-10-01 --end 2026-11-01",
      "  pcusage utilization --customer C --subscription S --start 2026-10-01 --end 2026-11-01 --format csv --out oct.csv",
    })
final class UtilizationCommand implements Callable<Integer> {
  @Option(
      names = "--customer",
      required = true,
      paramLabel = "ID",
      description = "Customer (tenant) id.")
  String customer;

  @Option(
      names = "--subscription",
      required = true,
      paramLabel = "ID",
      description = "Subscription id.")
  String subscription;

  @Mixin ListingOptions listing;

  @Mixin ConnectionOptions connection;

  private final RunContext ctx;

  UtilizationCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    UtilizationQuery query = listing.query();
    RecordFormat format = listing.recordFormat();
    CliLog.configure(ctx.err, connection.verbose);
    try (Connection conn = Connection.open(connection, ctx)) {
      PagedIterable<AzureUtilizationRecord> records;
      try {
        records = conn.client.utilizations(customer, subscription, query);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(Failures.optionNames(e.getMessage()));
      }
      RecordEncoder encoder = format.encoder(null);
      return listing.out == null
          ? toStdout(records, encoder, query)
          : toFile(records, format, encoder, query);
    }
  }

  private int toStdout(
      PagedIterable<AzureUtilizationRecord> records,
      RecordEncoder encoder,
      UtilizationQuery query) {
    StreamSink sink = new StreamSink(ctx.out);
    sink.header(encoder.header());
    try (Progress progress = Progress.start("utilization", connection.quiet, ctx.err)) {
      ListingRun.run(records, null, encoder, sink, progress);
    } catch (RuntimeException e) {
      int code = report(e);
      if (!(e instanceof CliException) && sink.records() > 0) {
        ctx.error(
            Progress.plural(sink.records(), "record")
                + (sink.records() == 1 ? " was" : " were")
                + " written before the failure; --out FILE makes the export resumable");
      }
      return code;
    }
    emptyHint(sink.records(), query);
    return ExitCode.OK;
  }

  private int toFile(
      PagedIterable<AzureUtilizationRecord> records,
      RecordFormat format,
      RecordEncoder encoder,
      UtilizationQuery query) {
    String fingerprint = ListingOptions.fingerprint(format, false, customer, subscription, query);
    CheckpointedFile file =
        listing.resume
            ? CheckpointedFile.resume(listing.out, "--out", fingerprint, encoder.header(), false)
            : CheckpointedFile.create(listing.out, "--out", fingerprint, encoder.header(), false);
    String resume = ResumeCommand.of(ctx.args);
    ResumeHint.set("The records so far are in " + file.partial + "; resume with:\n  " + resume);
    try (file;
        Progress progress = Progress.start("utilization", connection.quiet, ctx.err)) {
      if (!file.isComplete()) {
        ListingRun.run(records, file.resumeFrom(), encoder, file, progress);
      }
      file.finish();
    } catch (RuntimeException e) {
      ResumeHint.clear();
      int code = report(e);
      ctx.error(
          Progress.plural(file.records(), "record")
              + " in "
              + Progress.plural(file.pages(), "page")
              + (file.records() == 1 ? " is" : " are")
              + " saved in "
              + file.partial
              + " (checkpoint "
              + file.checkpointPath
              + "); resume with:");
      ctx.err.println("  " + resume);
      ctx.err.flush();
      return code;
    } finally {
      ResumeHint.clear();
    }
    if (!connection.quiet) {
      ctx.error("wrote " + Progress.plural(file.records(), "record") + " to " + listing.out);
    }
    emptyHint(file.records(), query);
    return ExitCode.OK;
  }

  private int report(RuntimeException e) {
    ctx.error(Failures.message(e, ctx.args));
    return Failures.exitCode(e);
  }

  private void emptyHint(long records, UtilizationQuery query) {
    if (records == 0 && !connection.quiet) {
      ctx.error(Hints.empty(query.granularity()));
    }
  }
}
