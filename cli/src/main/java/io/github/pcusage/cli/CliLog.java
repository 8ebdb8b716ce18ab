package io.github.pcusage.cli;

import java.io.PrintStream;
import org.slf4j.event.Level;

/**
 * Where SLF4J output goes during a run, and how much of it. The SDK logs each request at debug on
 * {@code io.github.pcusage.http} (method, path, status, attempt, request id, never a header value);
 * {@code --verbose} shows exactly those lines on the run's stderr. Other libraries (azure-identity)
 * are shown from warn up with {@code --verbose}, not at all otherwise: failures reach the user
 * through the command's own error message.
 */
public final class CliLog {
  private static final String SDK = "io.github.pcusage";

  private static volatile PrintStream sink = System.err;
  private static volatile boolean verbose;

  private CliLog() {}

  /**
   * Routes log output of the current run to {@code err}, verbose or not.
   *
   * @param err the run's stderr
   * @param isVerbose whether {@code --verbose} was given
   */
  public static void configure(PrintStream err, boolean isVerbose) {
    sink = err;
    verbose = isVerbose;
  }

  /** Back to the defaults: stderr, not verbose. */
  static void reset() {
    sink = System.err;
    verbose = false;
  }

  static boolean enabled(String logger, Level level) {
    boolean sdk = logger.startsWith(SDK);
    if (verbose) {
      return level.toInt() >= (sdk ? Level.DEBUG : Level.WARN).toInt();
    }
    return sdk && level.toInt() >= Level.WARN.toInt();
  }

  static void write(String logger, Level level, String message, Throwable t) {
    if (!enabled(logger, level)) {
      return;
    }
    String line;
    if (logger.equals(SDK + ".http")) {
      line = "pcusage: http: " + message;
    } else {
      String shortName = logger.substring(logger.lastIndexOf('.') + 1);
      line =
          "pcusage: "
              + level.name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + shortName
              + ": "
              + message;
    }
    if (t != null) {
      line +=
          " ("
              + t.getClass().getSimpleName()
              + (t.getMessage() == null ? "" : ": " + t.getMessage())
              + ")";
    }
    PrintStream out = sink;
    synchronized (out) {
      out.println(line.replace('\n', ' ').replace('\r', ' '));
      out.flush();
    }
  }
}
