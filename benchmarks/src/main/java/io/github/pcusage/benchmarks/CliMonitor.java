package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitor JVM of {@link CliMemoryHarness}: starts {@code pcusage utilization --out FILE} in its
 * own JVM, follows {@code FILE.partial} (a {@link GrowingFile}), samples the CLI's live heap at the
 * checkpoints ({@link LiveHeapSampling}), checks that the CLI exited 0 having written one line per
 * record, and prints the figures ({@link CliRunReport}). The written file is deleted afterwards;
 * the GC log stays.
 */
final class CliMonitor {
  private static final String TOKEN_VARIABLE = "PARTNER_CENTER_TOKEN";

  /** Options the CLI's JVM must not pick up from the environment: they could change its heap. */
  private static final List<String> JVM_OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

  private CliMonitor() {}

  /**
   * Runs one CLI run. Arguments: {@code --monitor CLI_JAR BASE_URL CUSTOMER SUBSCRIPTION GC HEAP
   * CHECKPOINTS RECORDS WORK_DIR TAG}.
   */
  static void run(String[] args) throws IOException {
    Path cli = Path.of(args[1]);
    String gc = args[5];
    String heap = args[6];
    long[] checkpoints = Checkpoints.parse(args[7]);
    long records = Long.parseLong(args[8]);
    Path work = Path.of(args[9]);
    String tag = args[10];
    Path out = work.resolve(tag + ".jsonl");
    // As CheckpointedFile names them: FILE.partial while writing, FILE.checkpoint beside it.
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    Path checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
    Path gcLog = work.resolve(tag + ".gc.log");
    Path cliLog = work.resolve(tag + ".cli.log");
    for (Path old : List.of(out, partial, checkpoint, gcLog)) {
      Files.deleteIfExists(old);
    }
    String gcFlag = "-XX:+Use" + gc + "GC";
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xms" + heap,
            "-Xmx" + heap,
            gcFlag,
            "-Xlog:gc:file=" + gcLog + ":uptime,level,tags:filecount=0",
            "-jar",
            cli.toString(),
            "utilization",
            "--base-url",
            args[2],
            "--customer",
            args[3],
            "--subscription",
            args[4],
            "--start",
            Fixtures.START_TEXT,
            "--end",
            Fixtures.END_TEXT,
            "--page-size",
            String.valueOf(Fixtures.PAGE_SIZE),
            "--out",
            out.toString(),
            "--quiet");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(cliLog.toFile());
    JVM_OPTION_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().put(TOKEN_VARIABLE, "any");
    ForkedJvm.result("gcFlag", gcFlag);
    ForkedJvm.result("loadAverageAtStart", ForkedJvm.loadAverage());

    AtomicLong exitedAt = new AtomicLong();
    long start = System.nanoTime();
    Process process = builder.start();
    CompletableFuture<Void> exited =
        process.onExit().thenRun(() -> exitedAt.set(System.nanoTime()));
    LiveHeapSampling sampling = new LiveHeapSampling(checkpoints, records);
    try (GrowingFile file = new GrowingFile(partial, out)) {
      while (true) {
        boolean alive = process.isAlive();
        long count = file.poll();
        if (!alive) {
          break;
        }
        if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(15)) {
          throw new IllegalStateException("pcusage utilization did not finish: " + command);
        }
        sampling.poll(process, file.isOpen(), count);
        awaitExitBriefly(process);
      }
      exited.join(); // its action took the time as soon as the exit was seen
      file.poll();
      long wallNanos = exitedAt.get() - start;
      requireExitZero(process.exitValue(), command, cliLog);
      long size = requireOneLinePerRecord(file, out, partial, records);
      CliRunReport.print(sampling, gcLog, wallNanos, file.lines(), size);
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(out); // hundreds of MB at full size; the gc log stays
      Files.deleteIfExists(partial);
      Files.deleteIfExists(checkpoint);
    }
  }

  /** Polling: returns at once when the process exits, else after 2 ms. */
  private static void awaitExitBriefly(Process process) {
    try {
      process.waitFor(2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireExitZero(int exit, List<String> command, Path cliLog)
      throws IOException {
    if (exit != 0) {
      throw new IllegalStateException(
          "pcusage utilization exited "
              + exit
              + " ("
              + String.join(" ", command)
              + "): "
              + Files.readString(cliLog, StandardCharsets.UTF_8));
    }
  }

  /** Checks that the CLI wrote {@code out} with one line per record; returns its size. */
  private static long requireOneLinePerRecord(
      GrowingFile file, Path out, Path partial, long records) throws IOException {
    if (!Files.isRegularFile(out) || Files.exists(partial)) {
      throw new IllegalStateException(
          "pcusage utilization exited 0 but " + out + " is missing or " + partial + " remains");
    }
    long size = Files.size(out);
    if (file.bytes() != size || file.lines() != records) {
      throw new IllegalStateException(
          "pcusage utilization wrote "
              + file.lines()
              + " lines ("
              + file.bytes()
              + " bytes followed, "
              + size
              + " in "
              + out
              + "), expected "
              + records
              + " records");
    }
    return size;
  }
}
