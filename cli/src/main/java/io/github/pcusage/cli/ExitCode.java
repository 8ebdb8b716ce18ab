package io.github.pcusage.cli;

/** The process exit codes of {@code pcusage}, as documented in the help and the README. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** An unexpected internal error (a bug): please report it. */
  public static final int INTERNAL = 1;

  /** A usage error: a bad option, value or input file; one line names it. */
  public static final int USAGE = 2;

  /**
   * The usage data is not ready yet (HTTP 204 after the waits allowed, or at once with --no-wait).
   */
  public static final int NOT_READY = 3;

  /** Authentication or authorization failed: 401, 403, or no token could be obtained. */
  public static final int AUTH = 4;

  /**
   * An API or network failure after retries, a paging failure, or an export complete but for its
   * failed targets (refused with HTTP 4xx: every other target is written).
   */
  public static final int API = 5;

  /** A local file error: the output or a checkpoint could not be written or read. */
  public static final int LOCAL_FILE = 6;

  /**
   * An export with {@code --out} or an estimate left targets unfinished (network, 5xx, 429, 401,
   * data not ready, or a local error): {@code --resume} continues them.
   */
  public static final int INCOMPLETE = 7;

  /**
   * An estimate is complete but some of its lines could not be priced (a meter not in the rate
   * card, or another unit), and {@code --allow-unpriced} was not given.
   */
  public static final int UNPRICED = 8;

  private ExitCode() {}
}
