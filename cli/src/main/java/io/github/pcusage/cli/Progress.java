package io.github.pcusage.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The progress bar on stderr (records, pages, records/s), shown only when the process runs in a
 * terminal ({@code System.console() != null}) and not with {@code --quiet}. Thread-safe.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private long pages;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(String task, boolean quiet, PrintStream err) {
    if (quiet || System.console() == null) {
      return new Progress(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(-1)
            .setUnit(" records", 1)
            .showSpeed()
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .build();
    return new Progress(bar);
  }

  synchronized void page(int records) {
    pages++;
    if (bar != null) {
      bar.stepBy(records);
      bar.setExtraMessage(" " + pages + (pages == 1 ? " page" : " pages"));
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
