package io.github.pcusage.benchmarks;

import io.github.pcusage.sandbox.Fault;
import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Target 5: {@code pcusage export} (the CLI jar, in its own process) of many subscriptions of a
 * sandbox with latency, at several {@code --parallel} values; then once more with 429s injected, to
 * check that no record is lost and that the extra time stays within the Retry-After budget (each
 * 429 served can pause every request for its Retry-After, via the CLI's shared throttle).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.ExportScalingHarness \
 *     [cli=cli/target/pcusage.jar] [customers=20] [subscriptions=10] [pages=5] [pageSize=100]
 *     [latencyMs=50] [parallel=1,4,16] [faults=429=0.01;seed=7;retry-after=1] [out=FILE]
 * </pre>
 *
 * {@code subscriptions} is per customer ({@code customers x subscriptions} pairs); in {@code
 * faults} the sandbox's fault spec uses {@code ;} instead of {@code ,}. The fault run uses the
 * largest {@code parallel}. Every run must write exactly every record (one JSONL line each) and
 * exit 0.
 */
public final class ExportScalingHarness {
  private static final String TOKEN_VARIABLE = "PCUSAGE_BENCHMARK_TOKEN";

  private ExportScalingHarness() {}

  /**
   * Runs the harness.
   *
   * @param args {@code key=value} options, see the class comment
   * @throws IOException if the work folder cannot be written
   */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    Properties results =
        run(
            Path.of(options.text("cli", "cli/target/pcusage.jar")),
            options.integer("customers", 20),
            options.integer("subscriptions", 10),
            options.integer("pages", 5),
            options.integer("pageSize", 100),
            options.integer("latencyMs", 50),
            options.text("parallel", "1,4,16"),
            options.text("faults", "429=0.01;seed=7;retry-after=1").replace(';', ','));
    ForkedJvm.save(results, options.text("out", null));
  }

  static Properties run(
      Path cli,
      int customers,
      int subscriptions,
      int pages,
      int pageSize,
      int latencyMs,
      String parallelList,
      String faults)
      throws IOException {
    if (!Files.isRegularFile(cli)) {
      throw new IllegalArgumentException("no CLI jar at " + cli + ": build cli/ first");
    }
    Path work = Files.createTempDirectory("pcusage-export-bench");
    Properties results = new Properties();
    int[] parallels =
        java.util.Arrays.stream(parallelList.split(",")).mapToInt(Integer::parseInt).toArray();
    int largest = java.util.Arrays.stream(parallels).max().orElse(1);
    long expected;
    try (Sandbox sandbox = sandbox(customers, subscriptions, latencyMs, Faults.none())) {
      Path targets = targets(sandbox, pages, pageSize, work);
      expected = (long) customers * subscriptions * pages * pageSize;
      results.setProperty("targets", String.valueOf(customers * subscriptions));
      results.setProperty("latencyMs", String.valueOf(latencyMs));
      results.setProperty("records", String.valueOf(expected));
      results.setProperty("requests", String.valueOf((long) customers * subscriptions * pages));
      System.out.printf(
          Locale.ROOT,
          "%d targets x %d pages of %d records, sandbox latency %d ms%n",
          customers * subscriptions,
          pages,
          pageSize,
          latencyMs);
      export(
          cli, sandbox, targets, pageSize, largest, work,
          expected); // warm-up: fills the page cache
      long startup = startupMillis(cli);
      results.setProperty("startupMs", String.valueOf(startup));
      System.out.printf(
          Locale.ROOT, "CLI start-up (pcusage --version): %d ms, included below%n", startup);
      for (int parallel : parallels) {
        long millis = export(cli, sandbox, targets, pageSize, parallel, work, expected);
        results.setProperty("parallel." + parallel + ".ms", String.valueOf(millis));
        System.out.printf(
            Locale.ROOT, "--parallel %2d: %,6d ms, %,d records%n", parallel, millis, expected);
      }
    }
    try (Sandbox sandbox = sandbox(customers, subscriptions, latencyMs, Faults.parse(faults))) {
      Path targets = targets(sandbox, pages, pageSize, work);
      long millis = export(cli, sandbox, targets, pageSize, largest, work, expected);
      long throttled = sandbox.faultCounters().count(Fault.THROTTLED);
      results.setProperty("faults", faults);
      results.setProperty("faults.parallel", String.valueOf(largest));
      results.setProperty("faults.ms", String.valueOf(millis));
      results.setProperty("faults.served429", String.valueOf(throttled));
      results.setProperty("faults.recordsWritten", String.valueOf(expected));
      System.out.printf(
          Locale.ROOT,
          "--parallel %2d with %s: %,6d ms, %d x 429 served, %,d records (none lost)%n",
          largest,
          faults,
          millis,
          throttled,
          expected);
    }
    return results;
  }

  private static Sandbox sandbox(int customers, int subscriptions, int latencyMs, Faults faults) {
    return Sandbox.builder()
        .port(0)
        .seed(42)
        .customers(customers)
        .subscriptionsPerCustomer(subscriptions)
        .latency(Duration.ofMillis(latencyMs))
        .threads(64)
        .pageCacheBytes(512L << 20)
        .faults(faults)
        .start();
  }

  private static Path targets(Sandbox sandbox, int pages, int pageSize, Path work)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("customer,subscription");
    for (String customer : sandbox.customerIds()) {
      for (String subscription : sandbox.subscriptionIds(customer)) {
        sandbox.scenarios().pages(customer, subscription, pages, pageSize);
        lines.add(customer + "," + subscription);
      }
    }
    Path file = work.resolve("targets.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** Runs one export; checks exit code 0 and the record count; returns the wall time in ms. */
  private static long export(
      Path cli,
      Sandbox sandbox,
      Path targets,
      int pageSize,
      int parallel,
      Path work,
      long expected) {
    Path out = work.resolve("out-" + parallel + ".jsonl");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            cli.toString(),
            "export",
            "--base-url",
            sandbox.baseUrl(),
            "--token-env",
            TOKEN_VARIABLE,
            "--targets",
            targets.toString(),
            "--start",
            Fixtures.START_TEXT,
            "--end",
            Fixtures.END_TEXT,
            "--page-size",
            String.valueOf(pageSize),
            "--parallel",
            String.valueOf(parallel),
            "--quiet",
            "--out",
            out.toString());
    try {
      Files.deleteIfExists(out);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("cli-" + parallel + ".log").toFile());
      builder.environment().put(TOKEN_VARIABLE, Fixtures.TOKEN);
      long start = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("pcusage export did not finish: " + command);
      }
      long millis = Math.round((System.nanoTime() - start) / 1e6);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "pcusage export exited "
                + process.exitValue()
                + ": "
                + Files.readString(work.resolve("cli-" + parallel + ".log")));
      }
      Map<String, Long> perTarget = countLines(out);
      long written = perTarget.values().stream().mapToLong(Long::longValue).sum();
      long targetCount =
          sandbox.customerIds().stream().mapToLong(c -> sandbox.subscriptionIds(c).size()).sum();
      if (written != expected
          || perTarget.size() != targetCount
          || perTarget.values().stream().anyMatch(n -> n != expected / targetCount)) {
        throw new IllegalStateException(
            "pcusage export wrote "
                + written
                + " records over "
                + perTarget.size()
                + " targets, expected "
                + expected
                + " over "
                + targetCount);
      }
      return millis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Median wall time of {@code pcusage --version}: the JVM start-up every export run includes. */
  private static long startupMillis(Path cli) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      try {
        long start = System.nanoTime();
        Process process =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    cli.toString(),
                    "--version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.waitFor(1, TimeUnit.MINUTES);
        times.add(Math.round((System.nanoTime() - start) / 1e6));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    times.sort(null);
    return times.get(1);
  }

  /** Lines per (customerId, subscriptionId) prefix of the JSONL output. */
  private static Map<String, Long> countLines(Path out) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          int cut = line.indexOf(",\"", line.indexOf("\"subscriptionId\""));
          counts.merge(cut < 0 ? line : line.substring(0, cut), 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
