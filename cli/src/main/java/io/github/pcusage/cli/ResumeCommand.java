package io.github.pcusage.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The exact command that resumes an interrupted run: the program as it was started, the same
 * arguments (none of which can hold a secret), and {@code --resume}.
 */
public final class ResumeCommand {
  /** Set by the {@code ./pcusage} launcher to how it was invoked. */
  static final String LAUNCHER_PROPERTY = "pcusage.launcher";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private ResumeCommand() {}

  /**
   * Returns the command with {@code --resume}.
   *
   * @param args the command line, without the program name
   * @return the command, quoted for a POSIX shell
   */
  public static String of(List<String> args) {
    return of(args, "--resume");
  }

  /** Returns the command with {@code --resume}, then each of {@code flags} it does not hold yet. */
  static String of(List<String> args, String... flags) {
    StringBuilder command =
        new StringBuilder(quote(System.getProperty(LAUNCHER_PROPERTY, "pcusage")));
    for (String arg : args) {
      command.append(' ').append(quote(arg));
    }
    for (String flag : flags) {
      if (!args.contains(flag)) {
        command.append(' ').append(flag);
      }
    }
    return command.toString();
  }

  /** Quotes an argument for a POSIX shell when it needs it. */
  static String quote(String arg) {
    if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
