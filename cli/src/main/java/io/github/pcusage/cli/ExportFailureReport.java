package io.github.pcusage.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The stderr report of an export with targets that are not complete: how many are unfinished and
 * how many failed, then for each (the first {@value #LISTED} with {@code --out}: the status file
 * lists them all) its line in the targets file, Partner Center's error and its resume point, and
 * with {@code --out} the commands that resume the unfinished targets and retry the failed ones.
 */
public final class ExportFailureReport {
  static final int LISTED = 20;

  private ExportFailureReport() {}

  /**
   * Prints the report.
   *
   * @param results every target's outcome, in target-file order
   * @param out the output file, or null for stdout
   * @param status the status file, or null without {@code --out}
   * @param args the command line, to print the commands that resume it
   */
  static void print(
      RunContext ctx,
      Path targetsFile,
      Path out,
      List<TargetResult> results,
      ExportWorkDir work,
      Path status,
      List<String> args) {
    print(
        ctx,
        "export",
        "written" + (out == null ? " to stdout" : " to " + out),
        targetsFile,
        results,
        work,
        status,
        args);
  }

  /**
   * Prints the report of any run of targets.
   *
   * @param ctx the run
   * @param run what the run is called ("export", "estimate")
   * @param done what became of the complete targets, for example "written to oct.jsonl"
   * @param targetsFile the targets file, or null when the targets were discovered
   * @param results every target's outcome, in target-file order
   * @param work the work directory
   * @param status the status file, or null
   * @param args the command line, to print the commands that resume it
   */
  public static void print(
      RunContext ctx,
      String run,
      String done,
      Path targetsFile,
      List<TargetResult> results,
      ExportWorkDir work,
      Path status,
      List<String> args) {
    int unfinished = count(results, TargetResult.Status.unfinished);
    int failed = count(results, TargetResult.Status.failed);
    int complete = results.size() - unfinished - failed;
    StringBuilder summary = new StringBuilder(run + ": ");
    if (unfinished > 0) {
      summary.append(unfinished).append(" unfinished");
    }
    if (failed > 0) {
      summary.append(unfinished > 0 ? " and " : "").append(failed).append(" failed");
    }
    summary
        .append(" of ")
        .append(Progress.plural(results.size(), "target"))
        .append("; the other ")
        .append(complete)
        .append(complete == 1 ? " is" : " are")
        .append(' ')
        .append(done)
        .append(status == null ? "" : " (every target's status: " + status + ")")
        .append(':');
    ctx.error(summary.toString());
    int listed = 0;
    for (TargetResult r : results) {
      if (r.status == TargetResult.Status.complete) {
        continue;
      }
      if (status != null && listed == LISTED) {
        ctx.error("... and " + (unfinished + failed - listed) + " more: see " + status);
        break;
      }
      listed++;
      ctx.error(
          "target "
              + (r.index + 1)
              + " ("
              + (targetsFile == null ? "" : targetsFile + " line " + r.target.line + ", ")
              + r.target
              + "): "
              + r.status
              + (r.earlier ? " in an earlier run, not retried: " : ": ")
              + r.message);
      ctx.error(
          "  resume point: "
              + resumePoint(r)
              + (work.temporary || r.checkpoint == null
                  ? " (not saved: export with --out FILE to resume)"
                  : " (" + r.checkpoint + ")"));
    }
    if (work.temporary) {
      return;
    }
    if (unfinished > 0) {
      ctx.error(
          "finished targets and checkpoints are kept in "
              + work.dir
              + "; resume the unfinished targets with:");
      ctx.err.println("  " + ResumeCommand.of(args));
    }
    if (failed > 0) {
      ctx.error(
          "failed targets were refused (HTTP 4xx) and --resume skips them: "
              + (targetsFile == null
                  ? "retry them with:"
                  : "correct or remove them in "
                      + targetsFile
                      + " and resume, or retry them with:"));
      ctx.err.println("  " + ResumeCommand.of(args, "--resume", "--retry-failed"));
    }
    ctx.err.flush();
  }

  private static int count(List<TargetResult> results, TargetResult.Status status) {
    int n = 0;
    for (TargetResult r : results) {
      n += r.status == status ? 1 : 0;
    }
    return n;
  }

  private static String resumePoint(TargetResult r) {
    return r.pages == 0
        ? "from its first page"
        : "after "
            + Progress.plural(r.pages, "page")
            + " and "
            + Progress.plural(r.records, "record");
  }
}
