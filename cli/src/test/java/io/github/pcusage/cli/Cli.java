package io.github.pcusage.cli;

import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the real entry point, {@link Main#run} (the one {@code main} uses), and captures what it
 * printed.
 *
 * <p>The unit tests of this module go through it against in-process sandboxes on 127.0.0.1 with
 * small data sets and {@code --retry-max-wait 0}: every command and format, every exit code, resume
 * after injected failures, exports with injected faults against a fault-free run, and {@code
 * --parallel 1} against {@code 4}. The integration tests ({@code *IT}, maven-failsafe, after {@code
 * package}) run {@code java -jar cli/target/pcusage.jar} as a separate process instead ({@link
 * JarProcess}).
 */
final class Cli {
  static final String TOKEN = "test-token-4f2a";
  static final Map<String, String> ENV = Map.of("PARTNER_CENTER_TOKEN", TOKEN);

  private Cli() {}

  static Result run(String... args) {
    return run(ENV, args);
  }

  static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, env);
    }
    return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The small sandbox of the command tests: 2 customers x 2 subscriptions x 60 daily records, seed
   * 42; one per class from a static {@code @RegisterExtension} field.
   */
  static SandboxExtension smallSandboxExtension() {
    return SandboxExtension.builder()
        .seed(42)
        .customers(2)
        .subscriptionsPerCustomer(2)
        .recordsPerSubscription(60)
        .build();
  }

  /** A small sandbox as {@link #smallSandboxExtension()} configures it; the caller closes it. */
  static Sandbox smallSandbox() {
    return smallSandboxExtension().newSandbox();
  }

  /**
   * {@code utilization} against a sandbox for October 2026, with zero retry waits, then {@code
   * extra}.
   */
  static String[] utilization(
      SandboxExtension sandbox, String customer, String subscription, String... extra) {
    return utilization(sandbox.sandbox(), customer, subscription, extra);
  }

  /**
   * {@code utilization} against a sandbox for October 2026, with zero retry waits, then {@code
   * extra}.
   */
  static String[] utilization(
      Sandbox sandbox, String customer, String subscription, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "utilization",
                "--base-url",
                sandbox.baseUrl(),
                "--customer",
                customer,
                "--subscription",
                subscription,
                "--start",
                "2026-10-01",
                "--end",
                "2026-11-01",
                "--retry-max-wait",
                "0"));
    args.addAll(Arrays.asList(extra));
    return args.toArray(new String[0]);
  }

  /**
   * Splits a command line printed by the CLI the way a POSIX shell would (plain words and '...').
   */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (c == ' ') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Returns the arguments of the "--resume" command printed in stderr, without the program name.
   */
  static String[] resumeArgs(String stderr) {
    for (String line : stderr.split("\n")) {
      if (line.startsWith("  pcusage ") && line.endsWith("--resume")) {
        List<String> words = shellWords(line.trim());
        return words.subList(1, words.size()).toArray(new String[0]);
      }
    }
    throw new AssertionError("no resume command in:\n" + stderr);
  }

  /** What one run printed and returned. */
  static final class Result {
    final int code;
    final byte[] stdout;
    final String stderr;

    Result(int code, byte[] stdout, String stderr) {
      this.code = code;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    List<String> outLines() {
      String text = out();
      return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    List<String> errLines() {
      return stderr.isEmpty() ? List.of() : Arrays.asList(stderr.split("\n"));
    }

    @Override
    public String toString() {
      return "exit " + code + "\nstderr:\n" + stderr;
    }
  }
}
