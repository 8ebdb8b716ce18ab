package io.github.pcusage.cli;

/**
 * A failure the command reports itself: an exit code and a message for stderr (without the {@code
 * pcusage:} prefix). Never shown with a stack trace.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * Creates a failure.
   *
   * @param exitCode the exit code ({@link ExitCode})
   * @param message the line to print
   */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * A usage error (exit 2); the message names the option.
   *
   * @param message the line to print
   * @return the failure
   */
  public static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  /**
   * A local file error (exit 6).
   *
   * @param message the line to print
   * @param cause the cause, or null
   * @return the failure
   */
  public static CliException file(String message, Throwable cause) {
    return new CliException(ExitCode.LOCAL_FILE, message, cause);
  }

  int exitCode() {
    return exitCode;
  }
}
