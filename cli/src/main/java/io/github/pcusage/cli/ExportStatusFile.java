package io.github.pcusage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code FILE.status.csv} beside an export's {@code --out FILE}: one row per target, in target-file
 * order, with the columns {@code customer,subscription,status,records,pages,http_status,
 * error_code,request_id} ({@code status}: {@code complete}, {@code failed} or {@code unfinished}).
 * Rewritten atomically (a temporary file renamed) after every target, so a reader or a kill never
 * sees half a file. Thread-safe.
 */
public final class ExportStatusFile {
  static final List<String> COLUMNS =
      List.of(
          "customer",
          "subscription",
          "status",
          "records",
          "pages",
          "http_status",
          "error_code",
          "request_id");

  final Path file;
  private final TargetResult[] rows;

  private ExportStatusFile(Path file, List<TargetResult> initial) {
    this.file = file;
    this.rows = initial.toArray(new TargetResult[0]);
  }

  static Path of(Path out) {
    return out.resolveSibling(out.getFileName() + ".status.csv");
  }

  /** Starts the status file of {@code out} with a row per target and writes it. */
  static ExportStatusFile start(Path out, List<TargetResult> initial) {
    return startAt(of(out), initial);
  }

  /**
   * Starts the status file {@code file} with a row per target and writes it.
   *
   * @param file the status file
   * @param initial every target's row, in target-file order
   * @return the status file, to update as targets finish
   */
  public static ExportStatusFile startAt(Path file, List<TargetResult> initial) {
    ExportStatusFile status = new ExportStatusFile(file, initial);
    status.write();
    return status;
  }

  /** Replaces the row of {@code result}'s target and rewrites the file. */
  synchronized void update(TargetResult result) {
    rows[result.index] = result;
    write();
  }

  private synchronized void write() {
    StringBuilder text = new StringBuilder();
    try {
      CsvEncoder.FORMAT.printRecord(text, COLUMNS.toArray());
      for (TargetResult r : rows) {
        boolean failure = r.status != TargetResult.Status.complete && r.message != null;
        CsvEncoder.FORMAT.printRecord(
            text,
            r.target.customerId,
            r.target.subscriptionId,
            r.status.name(),
            r.records,
            r.pages,
            failure && r.httpStatus != 0 ? Integer.toString(r.httpStatus) : "",
            failure && r.errorCode != null ? r.errorCode : "",
            failure && r.requestId != null ? r.requestId : "");
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp); // the umask's permissions, as any report the user reads
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      Checkpoint.moveAtomically(tmp, file);
    } catch (IOException e) {
      throw CliException.file("cannot write " + file + ": " + CheckpointedFile.describe(e), e);
    }
  }
}
