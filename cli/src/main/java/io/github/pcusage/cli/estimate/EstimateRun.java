package io.github.pcusage.cli.estimate;

import io.github.pcusage.PagedIterable;
import io.github.pcusage.RateCardQuery;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.cli.Checkpoint;
import io.github.pcusage.cli.CheckpointedFile;
import io.github.pcusage.cli.CliException;
import io.github.pcusage.cli.Connection;
import io.github.pcusage.cli.ExitCode;
import io.github.pcusage.cli.ExportFailureReport;
import io.github.pcusage.cli.ExportRunner;
import io.github.pcusage.cli.ExportStatusFile;
import io.github.pcusage.cli.ExportWorkDir;
import io.github.pcusage.cli.Progress;
import io.github.pcusage.cli.ResumeCommand;
import io.github.pcusage.cli.ResumeHint;
import io.github.pcusage.cli.RunContext;
import io.github.pcusage.cli.Target;
import io.github.pcusage.cli.TargetResult;
import io.github.pcusage.estimate.EstimateLine;
import io.github.pcusage.estimate.Estimator;
import io.github.pcusage.estimate.RateCardPrices;
import io.github.pcusage.estimate.Totals;
import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps of one {@code pcusage estimate}, in order: discovery (saved as {@code
 * subscriptions.csv}), the rate card (saved as {@code rate-card.json}), collection of every target
 * into the work directory {@code DIR/work} by the export's {@link ExportRunner} (a {@link UsageLog}
 * part per target, checkpointed after every page, {@code DIR/status.csv} rewritten after every
 * target), pricing from the parts, reconciliation, and the outputs, each written atomically ({@code
 * report.html} last, by {@link ReportHtml}). An estimate with unfinished targets writes no output
 * (exit 7: {@code --resume} continues it).
 */
final class EstimateRun {
  static final String JSON = "estimate.json";
  static final String SUBSCRIPTIONS = "subscriptions.csv";

  private final EstimateCommand o;
  private final RunContext ctx;
  private final Connection conn;
  private final UtilizationQuery query;
  private final RateCardQuery cardQuery;
  private final BigDecimal markup;
  private final List<Target> limit;

  EstimateRun(
      EstimateCommand o,
      Connection conn,
      UtilizationQuery query,
      RateCardQuery cardQuery,
      BigDecimal markup,
      List<Target> limit) {
    this.o = o;
    this.ctx = o.ctx;
    this.conn = conn;
    this.query = query;
    this.cardQuery = cardQuery;
    this.markup = markup;
    this.limit = limit;
  }

  static Path workDir(Path outDir) {
    return outDir.resolve("work");
  }

  int run() {
    Path dir = o.outDir;
    Discovery discovery =
        o.resume && limit == null ? Discovery.read(dir.resolve(SUBSCRIPTIONS)) : null;
    if (discovery == null) {
      discovery = Discovery.discover(conn.client, limit);
      EstimateFiles.writeAtomically(dir.resolve(SUBSCRIPTIONS), discovery.csv());
    }
    AzureRateCard card = RateCardFile.load(conn.client, cardQuery, dir, o.resume);
    List<Target> targets = discovery.targets();
    List<PagedIterable<AzureUtilizationRecord>> listings = new ArrayList<>();
    for (Target t : targets) {
      listings.add(conn.client.utilizations(t.customerId, t.subscriptionId, query));
    }
    String format = o.keepRecords ? "usage+jsonl" : "usage";
    String listing =
        "listing=estimate "
            + format
            + " currency="
            + cardQuery.currency()
            + " region="
            + cardQuery.region()
            + " start="
            + query.startTime()
            + " end="
            + query.endTime()
            + " size="
            + query.pageSize();
    ExportWorkDir work =
        ExportWorkDir.open(
            workDir(dir), "--out-dir", "estimate", o.resume, listing, "usage", targets);
    boolean keep = o.keepRecords;
    ExportRunner runner =
        new ExportRunner(format, t -> new UsageLog(t, keep), query, work, o.retryFailed);
    Path statusFile = dir.resolve("status.csv");
    List<TargetResult> results = List.of();
    try {
      ResumeHint.set(
          "Finished targets and checkpoints are in "
              + work.dir()
              + "; resume with:\n  "
              + ResumeCommand.of(ctx.args));
      ExportStatusFile status = ExportStatusFile.startAt(statusFile, runner.before(targets));
      if (!targets.isEmpty()) {
        try (Progress progress =
            Progress.start("estimate", o.connection.quiet(), ctx.err, targets.size())) {
          results = runner.run(targets, listings, o.parallel, progress, status);
        }
      }
    } finally {
      ResumeHint.clear();
    }
    List<TargetResult> failed = new ArrayList<>();
    boolean unfinished = false;
    for (TargetResult r : results) {
      unfinished |= r.status == TargetResult.Status.unfinished;
      if (r.status == TargetResult.Status.failed) {
        failed.add(r);
      }
    }
    if (unfinished) {
      ExportFailureReport.print(
          ctx,
          "estimate",
          "collected in " + work.dir() + "; no estimate is written",
          o.targetsFile,
          results,
          work,
          statusFile,
          ctx.args);
      return ExitCode.INCOMPLETE;
    }
    EstimateReport report = price(discovery, card, results);
    Map<String, Integer> subscriptions = new TreeMap<>();
    for (TargetResult r : results) {
      if (r.status == TargetResult.Status.complete) {
        subscriptions.merge(r.target.customerId, 1, Integer::sum);
      }
    }
    EstimateFiles.writeAtomically(dir.resolve("lines.csv"), EstimateFiles.lines(report));
    EstimateFiles.writeAtomically(
        dir.resolve("customers.csv"), EstimateFiles.customers(report, subscriptions));
    EstimateFiles.writeAtomically(
        dir.resolve(JSON),
        EstimateJson.of(report, subscriptions, failed, cardQuery.currency(), cardQuery.region()));
    Path html = dir.resolve("report.html");
    try {
      ReportHtml.write(report, html);
    } catch (IOException e) {
      throw CliException.file("cannot write " + html + ": " + CheckpointedFile.describe(e), e);
    }
    Totals total = Totals.of(report.lines());
    if (!failed.isEmpty()) {
      ExportFailureReport.print(
          ctx, "estimate", "priced in " + dir, o.targetsFile, results, work, statusFile, ctx.args);
      return ExitCode.API;
    }
    work.delete();
    if (!o.connection.quiet()) {
      ctx.error(summary(report, total, results, discovery));
    }
    if (total.unpricedLines() > 0 && !o.allowUnpriced) {
      ctx.error(
          Progress.plural(total.unpricedLines(), "line")
              + " could not be priced (status unpriced in "
              + dir.resolve("lines.csv")
              + "): their usage is in no amount; add --allow-unpriced to accept that");
      return ExitCode.UNPRICED;
    }
    return ExitCode.OK;
  }

  /** Prices the complete targets from their parts; with --keep-records writes records.jsonl. */
  private EstimateReport price(
      Discovery discovery, AzureRateCard card, List<TargetResult> results) {
    Estimator estimator = new Estimator(RateCardPrices.of(card), markup);
    Path recordsFile = o.outDir.resolve("records.jsonl");
    Path partial = CheckpointedFile.partialOf(recordsFile);
    try {
      OutputStream records = null;
      if (o.keepRecords) {
        Files.deleteIfExists(partial);
        Checkpoint.createPrivate(partial);
        records = Files.newOutputStream(partial, StandardOpenOption.WRITE);
      }
      try (OutputStream out = records) {
        for (TargetResult r : results) {
          if (r.status == TargetResult.Status.complete) {
            UsageLog.replay(r.part, r.target, estimator, out);
          }
        }
      }
      if (o.keepRecords) {
        Checkpoint.publish(partial, recordsFile);
      }
    } catch (IOException e) {
      throw CliException.file(
          "cannot price the parts in " + workDir(o.outDir) + ": " + CheckpointedFile.describe(e),
          e);
    }
    List<EstimateLine> lines = estimator.lines();
    List<EstimateReport.Reconciliation> reconciliations =
        new Reconciler(conn.client, ctx, o.connection.quiet())
            .reconcile(results, lines, card.getCurrency(), query);
    return new EstimateReport(
        query.startTime().toLocalDate(),
        query.endTime().toLocalDate(),
        RateCardFile.info(card),
        markup,
        lines,
        discovery.customerNames(),
        discovery.skipped(),
        reconciliations);
  }

  private String summary(
      EstimateReport report, Totals total, List<TargetResult> results, Discovery discovery) {
    long records = 0;
    for (TargetResult r : results) {
      records += r.records;
    }
    String currency = report.card().currency();
    return "estimate: "
        + Progress.plural(records, "record")
        + " of "
        + Progress.plural(results.size(), "subscription")
        + " ("
        + discovery.skipped().size()
        + " skipped) priced in "
        + currency
        + ": amount "
        + EstimateFiles.money(total.amount(), currency)
        + " (list cost "
        + EstimateFiles.money(total.listCost(), currency)
        + ", discount "
        + EstimateFiles.money(total.discount(), currency)
        + ", markup "
        + EstimateFiles.money(total.markup(), currency)
        + "), "
        + Progress.plural(total.unpricedLines(), "unpriced line")
        + "; written to "
        + o.outDir;
  }
}
