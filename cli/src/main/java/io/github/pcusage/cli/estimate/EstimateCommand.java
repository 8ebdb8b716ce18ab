package io.github.pcusage.cli.estimate;

import io.github.pcusage.RateCardQuery;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.cli.CliException;
import io.github.pcusage.cli.CliLog;
import io.github.pcusage.cli.Connection;
import io.github.pcusage.cli.ConnectionOptions;
import io.github.pcusage.cli.Failures;
import io.github.pcusage.cli.RunContext;
import io.github.pcusage.cli.Target;
import io.github.pcusage.cli.Targets;
import io.github.pcusage.cli.TimeConverter;
import io.github.pcusage.model.Granularity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pcusage estimate}: the bill of a cycle. Finds every customer's subscriptions (or those of
 * {@code --targets}), lists the utilization of the served ones in parallel behind the shared
 * throttle (checkpointed per target, as {@code export}), prices it with the Azure rate card
 * (fetched once, saved in the out-dir) through the {@code estimate} library, and writes {@code
 * lines.csv}, {@code customers.csv}, {@code estimate.json} and {@code report.html} atomically.
 *
 * <p>This class holds the options and checks every one of them before any request; {@link
 * EstimateRun} does the work.
 */
@Command(
    name = "estimate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Estimate the bill of a cycle: every customer's served Azure subscriptions (or those of",
      "--targets) listed for the window, priced with the Azure rate card, written to --out-dir as",
      "lines.csv, customers.csv, estimate.json and report.html (records.jsonl with --keep-records).",
      "Records are selected by the time their usage was REPORTED to billing, not when it was",
      "consumed: --start/--end are dates (midnight UTC), and adjacent windows never count a record",
      "twice. Subscriptions the utilization API does not serve are listed as skipped.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok: every line priced",
      "2:usage error (options, targets file, out-dir)",
      "4:authentication (no token could be obtained)",
      "5:complete but for failed targets (HTTP 4xx), or a discovery/rate card failure",
      "6:local file error",
      "7:incomplete, resumable: targets unfinished; --resume",
      "8:complete, but some lines could not be priced (see lines.csv); --allow-unpriced",
    })
public final class EstimateCommand implements Callable<Integer> {
  static final int MAX_PARALLEL = 64;

  @Option(
      names = "--start",
      required = true,
      paramLabel = "DATE",
      converter = TimeConverter.class,
      description = "First day of the window (midnight UTC), e.g. 2026-10-01.")
  OffsetDateTime start;

  @Option(
      names = "--end",
      required = true,
      paramLabel = "DATE",
      converter = TimeConverter.class,
      description = "Day after the window (midnight UTC, exclusive), e.g. 2026-11-01.")
  OffsetDateTime end;

  @Option(
      names = "--out-dir",
      required = true,
      paramLabel = "DIR",
      description = "Directory of the outputs, the rate card, the status file and the checkpoints.")
  Path outDir;

  @Option(
      names = "--targets",
      paramLabel = "FILE",
      description = "Only these customer/subscription pairs (the export targets format).")
  Path targetsFile;

  @Option(
      names = "--currency",
      paramLabel = "C",
      description = "Currency of the rate card, ISO 4217 (default: the partner's).")
  String currency;

  @Option(
      names = "--region",
      paramLabel = "R",
      description =
          "Market of the rate card, ISO 3166 two letters such as DE (default: the partner's).")
  String region;

  @Option(
      names = "--markup",
      paramLabel = "PERCENT",
      description = "Markup on the cost after discount, e.g. 12.5% (default: none).")
  String markup;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Subscriptions listed at the same time, 1 to "
              + MAX_PARALLEL
              + " (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = "--resume",
      description = "Continue an interrupted estimate in the same --out-dir.")
  boolean resume;

  @Option(
      names = "--retry-failed",
      description = "With --resume: retry the targets refused with HTTP 4xx before.")
  boolean retryFailed;

  @Option(
      names = "--keep-records",
      description = "Also write the records, lossless, to records.jsonl (as export does).")
  boolean keepRecords;

  @Option(
      names = "--allow-unpriced",
      description = "Exit 0 even when some lines could not be priced (they stay flagged).")
  boolean allowUnpriced;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "1000",
      hidden = true,
      description = "Records per page, 1 to 1000.")
  int pageSize;

  @Mixin ConnectionOptions connection;

  final RunContext ctx;

  /**
   * Creates the command of one run.
   *
   * @param ctx the run
   */
  public EstimateCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    UtilizationQuery query = query();
    RateCardQuery card = RateCardFile.query(currency, region);
    BigDecimal markupPercent = markupPercent();
    if (parallel < 1 || parallel > MAX_PARALLEL) {
      throw CliException.usage("--parallel must be from 1 to " + MAX_PARALLEL + ": " + parallel);
    }
    if (retryFailed && !resume) {
      throw CliException.usage("--retry-failed needs --resume: it retries the failed targets");
    }
    List<Target> limit = targetsFile == null ? null : Targets.read(targetsFile);
    checkOutDir();
    CliLog.configure(ctx.err, connection.verbose());
    try (Connection conn = Connection.open(connection, ctx)) {
      if (limit != null) {
        for (Target t : limit) {
          try {
            conn.client.utilizations(t.customerId, t.subscriptionId, query); // checks the ids
          } catch (IllegalArgumentException e) {
            throw CliException.usage(
                "--targets: "
                    + targetsFile
                    + " line "
                    + t.line
                    + ": "
                    + Failures.optionNames(e.getMessage()));
          }
        }
      }
      return new EstimateRun(this, conn, query, card, markupPercent, limit).run();
    }
  }

  private UtilizationQuery query() {
    for (OffsetDateTime t : Arrays.asList(start, end)) {
      if (!t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
        throw CliException.usage(
            (t == start ? "--start" : "--end")
                + " must be a whole day, midnight UTC (a date such as 2026-10-01): "
                + t);
      }
    }
    if (!start.isBefore(end)) {
      throw CliException.usage(
          "--start (" + day(start) + ") must be before --end (" + day(end) + ")");
    }
    if (pageSize < 1 || pageSize > UtilizationQuery.MAX_PAGE_SIZE) {
      throw CliException.usage("--page-size must be from 1 to 1000: " + pageSize);
    }
    return UtilizationQuery.builder()
        .startTime(start.withOffsetSameInstant(ZoneOffset.UTC))
        .endTime(end.withOffsetSameInstant(ZoneOffset.UTC))
        .granularity(Granularity.DAILY)
        .showDetails(true)
        .pageSize(pageSize)
        .build();
  }

  static String day(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
  }

  private BigDecimal markupPercent() {
    if (markup == null) {
      return BigDecimal.ZERO;
    }
    String text = markup.trim();
    text = text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text;
    BigDecimal percent = null;
    if (text.matches("[0-9]+(\\.[0-9]+)?")) {
      percent = new BigDecimal(text);
    }
    if (percent == null || percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw CliException.usage(
          "--markup must be a percentage from 0 to 1000, such as 12.5%: " + markup);
    }
    return percent;
  }

  /** Checks the out-dir before any request: a directory we can write, in the right state. */
  private void checkOutDir() {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw CliException.usage("--out-dir: " + outDir + " is a file, not a directory");
    }
    try {
      Files.createDirectories(outDir);
      Path probe = Files.createTempFile(outDir, ".pcusage-", ".probe");
      Files.delete(probe);
    } catch (IOException e) {
      throw CliException.usage("--out-dir: " + outDir + " is not a writable directory");
    }
    Path work = EstimateRun.workDir(outDir);
    if (resume && !Files.isDirectory(work)) {
      throw CliException.usage(
          "--resume: there is nothing to resume: "
              + work
              + " does not exist (run without --resume)");
    }
    if (!resume && Files.exists(work)) {
      throw CliException.usage(
          "--out-dir: "
              + work
              + " exists from an interrupted estimate: add --resume to continue it,"
              + " or delete it to start over");
    }
    if (!resume && Files.exists(outDir.resolve(EstimateRun.JSON))) {
      throw CliException.usage(
          "--out-dir: "
              + outDir
              + " holds a finished estimate: choose another directory, or delete it");
    }
  }
}
