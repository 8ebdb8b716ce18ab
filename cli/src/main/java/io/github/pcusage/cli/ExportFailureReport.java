package io.github.pcusage.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The stderr report of an export with failed targets: how many failed, then for each its line in
 * the targets file, Partner Center's error and its resume point, and with {@code --out} the command
 * that resumes the failed targets.
 */
final class ExportFailureReport {
  private ExportFailureReport() {}

  /**
   * Prints the report.
   *
   * @param total the number of targets
   * @param failed the failed targets, in target-file order
   * @param out the output file, or null for stdout
   * @param resume the command that resumes this export
   */
  static void print(
      RunContext ctx,
      Path targetsFile,
      Path out,
      int total,
      List<TargetResult> failed,
      ExportWorkDir work,
      String resume) {
    ctx.error(
        "export: "
            + failed.size()
            + " of "
            + total
            + " targets failed; the other "
            + (total - failed.size())
            + " are written"
            + (out == null ? " to stdout" : " to " + out)
            + ":");
    for (TargetResult r : failed) {
      ctx.error(
          "target "
              + (r.index + 1)
              + " ("
              + targetsFile
              + " line "
              + r.target.line
              + ", "
              + r.target
              + "): "
              + Failures.message(r.failure));
      ctx.error(
          "  resume point: "
              + resumePoint(r)
              + (work.temporary || r.checkpoint == null
                  ? " (not saved: export with --out FILE to resume)"
                  : " (" + r.checkpoint + ")"));
    }
    if (!work.temporary) {
      ctx.error(
          "finished targets and checkpoints are kept in "
              + work.dir
              + "; resume the failed targets with:");
      ctx.err.println("  " + resume);
      ctx.err.flush();
    }
  }

  private static String resumePoint(TargetResult r) {
    return r.pages == 0
        ? "from its first page"
        : "after "
            + r.pages
            + (r.pages == 1 ? " page" : " pages")
            + " and "
            + r.records
            + " records";
  }
}
