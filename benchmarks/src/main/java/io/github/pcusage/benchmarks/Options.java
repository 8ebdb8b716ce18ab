package io.github.pcusage.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** The {@code key=value} arguments of the harness mains. */
final class Options {
  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
      }
      values.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return new Options(values);
  }

  String text(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  int integer(String key, int fallback) {
    String value = values.get(key);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }
}
