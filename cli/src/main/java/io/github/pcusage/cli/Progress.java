package io.github.pcusage.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * The progress bar on stderr (records, records/s, pages, and for an export the targets done and
 * their percentage), shown only when the process runs in a terminal ({@code System.console() !=
 * null}) and not with {@code --quiet}. Thread-safe.
 */
public final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final int targets;
  private long pages;
  private int targetsDone;

  private Progress(ProgressBar bar, int targets) {
    this.bar = bar;
    this.targets = targets;
  }

  /** The progress of one listing. */
  static Progress start(String task, boolean quiet, PrintStream err) {
    return start(task, quiet, err, 0);
  }

  /**
   * The progress of an export of {@code targets} targets (0: one listing).
   *
   * @param task the bar's name
   * @param quiet no bar
   * @param err where the bar goes
   * @param targets the number of targets
   * @return the progress
   */
  public static Progress start(String task, boolean quiet, PrintStream err, int targets) {
    if (quiet || System.console() == null) {
      return new Progress(null, targets);
    }
    return show(task, new ConsoleProgressBarConsumer(err), targets);
  }

  /** A bar drawn by {@code consumer}, whatever the terminal. */
  static Progress show(String task, ProgressBarConsumer consumer, int targets) {
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(-1)
            .setUnit(" records", 1)
            .showSpeed()
            .setUpdateIntervalMillis(250)
            .setConsumer(consumer)
            .build();
    Progress progress = new Progress(bar, targets);
    progress.bar.setExtraMessage(" " + status(0, targets, 0));
    return progress;
  }

  synchronized void page(int records) {
    pages++;
    if (bar != null) {
      bar.stepBy(records);
      bar.setExtraMessage(" " + status(targetsDone, targets, pages));
    }
  }

  /** One target of an export is done (complete, failed, or left unfinished). */
  synchronized void targetDone() {
    targetsDone++;
    if (bar != null) {
      bar.setExtraMessage(" " + status(targetsDone, targets, pages));
    }
  }

  /**
   * Returns what the bar shows after the records: the pages, and with {@code total} targets (more
   * than 0) the targets done and their percentage, for example {@code 3/4 targets (75%), 1 page}.
   */
  static String status(int done, int total, long pages) {
    String pageText = plural(pages, "page");
    if (total <= 0) {
      return pageText;
    }
    return done + "/" + plural(total, "target") + " (" + (done * 100L / total) + "%), " + pageText;
  }

  /**
   * Returns {@code "1 page"}, {@code "2 pages"}: the count and the word, plural unless 1.
   *
   * @param count the count
   * @param word the word
   * @return the count and the word
   */
  public static String plural(long count, String word) {
    return count + " " + word + (count == 1 ? "" : "s");
  }

  /** Closes the bar. */
  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
