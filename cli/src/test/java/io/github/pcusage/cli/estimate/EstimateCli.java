package io.github.pcusage.cli.estimate;

import io.github.pcusage.cli.Main;
import io.github.pcusage.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs {@code pcusage} through {@link Main#run} and captures what it printed. */
final class EstimateCli {
  static final Map<String, String> ENV = Map.of("PARTNER_CENTER_TOKEN", "test-token-est");

  private EstimateCli() {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, ENV);
    }
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * {@code estimate} of October 2026 against {@code sandbox} into {@code dir}, then {@code extra}.
   */
  static String[] estimate(Sandbox sandbox, Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "estimate",
                "--base-url",
                sandbox.baseUrl(),
                "--start",
                "2026-10-01",
                "--end",
                "2026-11-01",
                "--out-dir",
                dir.toString(),
                "--retry-max-wait",
                "0"));
    args.addAll(Arrays.asList(extra));
    return args.toArray(new String[0]);
  }

  /** Returns every regular file under {@code dir} (relative name to bytes). */
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  /** What one run printed and returned. */
  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }

    @Override
    public String toString() {
      return "exit " + code + "\nstderr:\n" + err;
    }
  }
}
