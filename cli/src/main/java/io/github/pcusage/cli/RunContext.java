package io.github.pcusage.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one run of {@code pcusage} works with: its streams, its environment and its arguments. */
public final class RunContext {
  /** Where results go. */
  public final PrintStream out;

  /** Where errors, hints and progress go. */
  public final PrintStream err;

  final Map<String, String> env;

  /** The command line, without the program name. */
  public final List<String> args;

  RunContext(PrintStream out, PrintStream err, Map<String, String> env, List<String> args) {
    this.out = Objects.requireNonNull(out, "out == null");
    this.err = Objects.requireNonNull(err, "err == null");
    this.env = Map.copyOf(Objects.requireNonNull(env, "env == null"));
    this.args = List.copyOf(Objects.requireNonNull(args, "args == null"));
  }

  /** Returns an environment variable, or null when it is unset or blank. */
  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * Prints one line on stderr, prefixed with {@code pcusage: }.
   *
   * @param line the line
   */
  public void error(String line) {
    err.println("pcusage: " + line);
    err.flush();
  }
}
