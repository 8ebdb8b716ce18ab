package io.github.pcusage.cli;

import java.io.PrintStream;

/**
 * What to print if the process is killed (Ctrl-C, SIGTERM) while a file is being written: where the
 * data is and the exact {@code --resume} command. {@link Main#main} prints it from a shutdown hook.
 */
public final class ResumeHint {
  private static volatile String hint;

  private ResumeHint() {}

  /**
   * Sets what to print if the process is killed.
   *
   * @param text the hint
   */
  public static void set(String text) {
    hint = text;
  }

  /** Clears the hint: nothing to resume any more. */
  public static void clear() {
    hint = null;
  }

  /** Prints the pending hint, if any; called from the shutdown hook. */
  static void printPending(PrintStream err) {
    String text = hint;
    if (text != null) {
      err.println();
      err.println("pcusage: interrupted. " + text);
      err.flush();
    }
  }
}
