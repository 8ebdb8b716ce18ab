package io.github.pcusage.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one run of {@code pcusage} works with: its streams, its environment and its arguments. */
final class RunContext {
  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  final List<String> args;

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

  /** Prints one line on stderr, prefixed with {@code pcusage: }. */
  void error(String line) {
    err.println("pcusage: " + line);
    err.flush();
  }
}
