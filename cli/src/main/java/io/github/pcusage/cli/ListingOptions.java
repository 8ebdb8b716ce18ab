package io.github.pcusage.cli;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import io.github.pcusage.UtilizationQuery;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import picocli.CommandLine.Option;

/** The options of a utilization listing, shared by {@code utilization} and {@code export}. */
final class ListingOptions {
  @Option(
      names = "--start",
      required = true,
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description =
          "Start of the reporting window, inclusive: 2026-10-01 (midnight UTC), 2026-10-01T00:00:00Z or with an offset.")
  OffsetDateTime start;

  @Option(
      names = "--end",
      required = true,
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description = "End of the reporting window, exclusive: adjacent windows never overlap.")
  OffsetDateTime end;

  @Option(
      names = "--granularity",
      paramLabel = "G",
      defaultValue = "daily",
      description = "daily or hourly (default: ${DEFAULT-VALUE}).")
  GranularityOption granularity;

  @Option(
      names = "--no-details",
      description = "Aggregate per resource (show_details=false): no instance data.")
  boolean noDetails;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Records per page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = {
        "jsonl (lossless, one record per line), csv (fixed columns, lossless) or csv-excel"
            + " (default: ${DEFAULT-VALUE}).",
        "csv-excel is for spreadsheets: UTF-8 with a BOM, CRLF, times in UTC as yyyy-MM-dd HH:mm:ss,"
            + " tags and additionalInfo as key=value; ... text. Excel keeps only 15 significant"
            + " digits of a quantity: keep jsonl or csv as the record of truth."
      })
  OutputFormat format;

  @Option(
      names = "--csv-delimiter",
      paramLabel = "C",
      description =
          "Cell delimiter of --format csv-excel: , (default) or ; (Excel in many locales).")
  String csvDelimiter;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description =
          "Write to FILE (via FILE.partial and FILE.checkpoint, renamed at the end) instead of stdout.")
  Path out;

  @Option(
      names = "--resume",
      description =
          "Continue an interrupted --out run from its checkpoint (same options and --resume).")
  boolean resume;

  /** Validates {@code --format} and {@code --csv-delimiter} and returns the format. */
  RecordFormat recordFormat() {
    if (csvDelimiter == null) {
      return new RecordFormat(format, ',');
    }
    if (format != OutputFormat.csv_excel) {
      throw CliException.usage(
          "--csv-delimiter applies to --format csv-excel only (csv is always RFC 4180 with ,)");
    }
    if (!csvDelimiter.equals(",") && !csvDelimiter.equals(";")) {
      throw CliException.usage("--csv-delimiter must be , or ;: " + csvDelimiter);
    }
    return new RecordFormat(format, csvDelimiter.charAt(0));
  }

  /** Validates the options and returns the query. */
  UtilizationQuery query() {
    if (!start.isBefore(end)) {
      throw CliException.usage(
          "--start ("
              + ISO_OFFSET_DATE_TIME.format(start)
              + ") must be before --end ("
              + ISO_OFFSET_DATE_TIME.format(end)
              + "): the window is [start, end)");
    }
    if (pageSize < 1 || pageSize > UtilizationQuery.MAX_PAGE_SIZE) {
      throw CliException.usage(
          "--page-size must be from 1 to " + UtilizationQuery.MAX_PAGE_SIZE + ": " + pageSize);
    }
    if (out != null && (out.getFileName() == null || out.toString().isBlank())) {
      throw CliException.usage("--out needs a file name: " + out);
    }
    if (resume && out == null) {
      throw CliException.usage("--resume needs --out FILE: only a file output has a checkpoint");
    }
    return UtilizationQuery.builder()
        .startTime(start)
        .endTime(end)
        .granularity(granularity.granularity)
        .showDetails(!noDetails)
        .pageSize(pageSize)
        .build();
  }

  /**
   * Identifies a listing and its output, to check that a checkpoint belongs to the command resuming
   * it.
   */
  static String fingerprint(
      RecordFormat format,
      boolean export,
      String customerId,
      String subscriptionId,
      UtilizationQuery q) {
    return fingerprint(format.toString(), export, customerId, subscriptionId, q);
  }

  /**
   * As {@link #fingerprint(RecordFormat, boolean, String, String, UtilizationQuery)}, any output.
   */
  static String fingerprint(
      String format, boolean export, String customerId, String subscriptionId, UtilizationQuery q) {
    return format
        + (export ? "+target" : "")
        + " customer="
        + customerId
        + " subscription="
        + subscriptionId
        + " start="
        + q.startTime()
        + " end="
        + q.endTime()
        + " granularity="
        + q.granularity().getValue()
        + " details="
        + q.showDetails()
        + " size="
        + q.pageSize();
  }
}
