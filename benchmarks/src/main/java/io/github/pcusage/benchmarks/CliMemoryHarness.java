package io.github.pcusage.benchmarks;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Target 3 through the CLI: {@code pcusage utilization --out FILE} (the CLI jar, in its own JVM
 * limited to {@code -Xms32m -Xmx32m}) writing a million records to a JSONL file, once per garbage
 * collector. Reports the child's wall time, the share of it spent in GC pauses (from its {@code
 * -Xlog:gc} log) and the live heap after a full GC at each checkpoint, which should stay flat.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.CliMemoryHarness \
 *     [cli=cli/target/pcusage.jar] [records=1000000] [checkpoints=100000,300000,1000000]
 *     [heap=32m] [gcs=G1,Serial] [runs=1] [latencyMs=0] [out=FILE]
 * </pre>
 *
 * <p>The harness's JVM runs the sandbox (one customer, one subscription, {@code records} rounded up
 * to whole 1000-record pages, every page rendered into its cache first so that the CLI never waits
 * for rendering) and, per collector and run, forks a monitor JVM that starts the CLI and watches
 * it; only the CLI's heap is limited and measured. The monitor follows {@code FILE.partial},
 * counting its newlines, and when a checkpoint is passed runs {@code GC.class_histogram} in the CLI
 * (as {@code jcmd PID GC.class_histogram} does, through the attach API so that no extra JVM starts
 * at that moment): the histogram's total is the live heap after a full GC. A checkpoint at or past
 * the last record is sampled a little before the end (the process would be gone), at about the
 * records the CLI writes while one sample is taken, twice, and at least one page before the last
 * record; every sample reports the record count it was taken at.
 *
 * <p>The full collections the samples cause (cause {@code Heap Inspection Initiated GC}, or {@code
 * Diagnostic Command}/{@code Heap Dump Initiated GC}) are excluded from the GC pauses and their
 * time from the wall time; every other {@code Pause} line of the log counts (for G1 also {@code
 * Pause Remark} and {@code Pause Cleanup}). The wall time includes the CLI's JVM start-up. Every
 * run must exit 0 and write exactly one line per record, or the harness fails.
 *
 * <p>{@code gcs} names collectors as in {@code -XX:+Use<name>GC}; {@code latencyMs} delays every
 * sandbox answer (0 for measuring; tiny test runs use it so that the samples fit in).
 */
public final class CliMemoryHarness {
  private static final String TOKEN_VARIABLE = "PARTNER_CENTER_TOKEN";

  /** Options the CLI's JVM must not pick up from the environment: they could change its heap. */
  private static final List<String> JVM_OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

  /** Causes of the full collections that the live-heap samples themselves trigger. */
  private static final List<String> DIAGNOSTIC_CAUSES =
      List.of("(Heap Inspection Initiated GC)", "(Heap Dump Initiated GC)", "(Diagnostic Command)");

  /**
   * A pause line of {@code -Xlog:gc}: {@code GC(12) Pause Young (Normal) (...) 9M->2M(32M)
   * 1.234ms}.
   */
  private static final Pattern PAUSE =
      Pattern.compile("GC\\(\\d+\\) Pause (\\w+).*?(\\d+(?:\\.\\d+)?)ms\\s*$");

  /** How long a sample is assumed to take before one has been timed. */
  private static final long DEFAULT_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

  private CliMemoryHarness() {}

  /**
   * Runs the harness.
   *
   * @param args {@code key=value} options, see the class comment
   * @throws IOException if the work folder cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--monitor")) {
      monitor(args);
      return;
    }
    Options options = Options.parse(args);
    Properties results =
        run(
            Path.of(options.text("cli", "cli/target/pcusage.jar")),
            options.integer("records", 1_000_000),
            options.text("checkpoints", "100000,300000,1000000"),
            options.text("heap", "32m"),
            options.text("gcs", "G1,Serial"),
            options.integer("runs", 1),
            options.integer("latencyMs", 0));
    ForkedJvm.save(results, options.text("out", null));
  }

  static Properties run(
      Path cli, int records, String checkpoints, String heap, String gcs, int runs, int latencyMs)
      throws IOException {
    if (!Files.isRegularFile(cli)) {
      throw new IllegalArgumentException("no CLI jar at " + cli + ": build cli/ first");
    }
    List<String> collectors =
        Arrays.stream(gcs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (collectors.isEmpty() || runs < 1 || records < 1) {
      throw new IllegalArgumentException("need records >= 1, runs >= 1 and a collector in gcs");
    }
    for (String gc : collectors) {
      if (!gc.matches("[A-Za-z0-9]+")) {
        throw new IllegalArgumentException("gcs: not a collector name: " + gc);
      }
    }
    long[] sorted = parseCheckpoints(checkpoints);
    Path work = Files.createTempDirectory("pcusage-cli-memory");
    int pages = (records + Fixtures.PAGE_SIZE - 1) / Fixtures.PAGE_SIZE;
    Properties results = new Properties();
    try (Fixtures.Listing listing = Fixtures.cachedListing(pages, Duration.ofMillis(latencyMs))) {
      results.setProperty("records", String.valueOf(listing.records));
      results.setProperty("heap", heap);
      results.setProperty("gcs", String.join(",", collectors));
      results.setProperty("runs", String.valueOf(runs));
      results.setProperty("latencyMs", String.valueOf(latencyMs));
      results.setProperty(
          "checkpoints",
          String.join(",", Arrays.stream(sorted).mapToObj(String::valueOf).toList()));
      System.out.printf(
          Locale.ROOT,
          "pcusage utilization --out: %,d records (%d pages of %d, cached) to a JSONL file,"
              + " CLI JVM at -Xms%s -Xmx%s; gc logs in %s%n",
          listing.records,
          pages,
          Fixtures.PAGE_SIZE,
          heap,
          heap,
          work);
      for (String gc : collectors) {
        for (int run = 1; run <= runs; run++) {
          String tag = gc + ".run" + run;
          System.out.printf(Locale.ROOT, "%s, run %d of %d:%n", gc, run, runs);
          Properties one =
              ForkedJvm.run(
                  "256m",
                  List.of("--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED"),
                  CliMemoryHarness.class,
                  List.of(
                      "--monitor",
                      cli.toAbsolutePath().toString(),
                      listing.sandbox.baseUrl(),
                      listing.customer,
                      listing.subscription,
                      gc,
                      heap,
                      results.getProperty("checkpoints"),
                      String.valueOf(listing.records),
                      work.toString(),
                      tag),
                  "  ");
          for (String key : one.stringPropertyNames()) {
            results.setProperty(tag + "." + key, one.getProperty(key));
          }
        }
      }
    }
    return results;
  }

  private static long[] parseCheckpoints(String checkpoints) {
    long[] values =
        Arrays.stream(checkpoints.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .mapToLong(s -> Long.parseLong(s.replace("_", "")))
            .sorted()
            .distinct()
            .toArray();
    if (values.length == 0 || values[0] < 1) {
      throw new IllegalArgumentException("checkpoints: need record counts >= 1: " + checkpoints);
    }
    return values;
  }

  /**
   * The monitor JVM: starts the CLI, follows its output, samples its live heap, and prints the
   * figures as {@code RESULT} lines. Arguments: {@code --monitor CLI_JAR BASE_URL CUSTOMER
   * SUBSCRIPTION GC HEAP CHECKPOINTS RECORDS WORK_DIR TAG}.
   */
  private static void monitor(String[] args) throws IOException {
    Path cli = Path.of(args[1]);
    String gc = args[5];
    String heap = args[6];
    long[] checkpoints = parseCheckpoints(args[7]);
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
    List<Sample> samples = new ArrayList<>();
    long worstSampleNanos = 0;
    String attachFailure = null;
    try (Follower follower = new Follower(partial, out)) {
      Sampler sampler = null;
      long firstCount = -1;
      long firstSeen = 0;
      int next = 0;
      while (true) {
        boolean alive = process.isAlive();
        long count = follower.poll();
        if (!alive) {
          break;
        }
        if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(15)) {
          throw new IllegalStateException("pcusage utilization did not finish: " + command);
        }
        if (firstCount < 0 && count > 0) {
          firstCount = count;
          firstSeen = System.nanoTime();
        }
        if (sampler == null && attachFailure == null && follower.isOpen()) {
          // Attached once the CLI writes its file (well past JVM start-up), before any sample.
          try {
            sampler = Sampler.attach(process.pid());
          } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            attachFailure = e.toString();
          }
        }
        while (sampler != null && next < checkpoints.length) {
          long due = checkpoints[next];
          if (due >= records) {
            long elapsed = System.nanoTime() - firstSeen;
            double perNano =
                firstCount < 0 || elapsed < TimeUnit.MILLISECONDS.toNanos(50)
                    ? 0
                    : (count - firstCount) / (double) elapsed;
            long sampleNanos = worstSampleNanos > 0 ? worstSampleNanos : DEFAULT_SAMPLE_NANOS;
            long lead = (long) Math.ceil(2 * perNano * sampleNanos / Fixtures.PAGE_SIZE);
            due = records - Math.max(1, lead) * Fixtures.PAGE_SIZE;
          }
          if (count < due) {
            break;
          }
          long t0 = System.nanoTime();
          try {
            long bytes = sampler.liveHeapBytes();
            long took = System.nanoTime() - t0;
            worstSampleNanos = Math.max(worstSampleNanos, took);
            samples.add(new Sample(checkpoints[next], count, bytes, took));
            System.out.printf(
                Locale.ROOT,
                "%,10d records (checkpoint %,d): live heap after full GC %,d bytes (sample took %d ms)%n",
                count,
                checkpoints[next],
                bytes,
                TimeUnit.NANOSECONDS.toMillis(took));
          } catch (IOException | ReflectiveOperationException e) {
            if (process.isAlive()) {
              throw new IllegalStateException(
                  "GC.class_histogram failed in the CLI's JVM (pid " + process.pid() + ")", e);
            }
            System.out.printf(
                Locale.ROOT,
                "the CLI ended while its live heap was sampled at %,d records (checkpoint %,d)%n",
                count,
                checkpoints[next]);
          }
          next++;
        }
        try {
          process.waitFor(2, TimeUnit.MILLISECONDS); // polling: returns at once when it exits
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      exited.join(); // its action took the time as soon as the exit was seen
      follower.poll();
      long wallNanos = exitedAt.get() - start;
      int exit = process.exitValue();
      if (exit != 0) {
        throw new IllegalStateException(
            "pcusage utilization exited "
                + exit
                + " ("
                + String.join(" ", command)
                + "): "
                + Files.readString(cliLog, StandardCharsets.UTF_8));
      }
      if (!Files.isRegularFile(out) || Files.exists(partial)) {
        throw new IllegalStateException(
            "pcusage utilization exited 0 but " + out + " is missing or " + partial + " remains");
      }
      long size = Files.size(out);
      if (follower.bytes() != size || follower.lines() != records) {
        throw new IllegalStateException(
            "pcusage utilization wrote "
                + follower.lines()
                + " lines ("
                + follower.bytes()
                + " bytes followed, "
                + size
                + " in "
                + out
                + "), expected "
                + records
                + " records");
      }
      report(samples, checkpoints, attachFailure, gcLog, wallNanos, follower.lines(), size);
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(out); // hundreds of MB at full size; the gc log stays
      Files.deleteIfExists(partial);
      Files.deleteIfExists(checkpoint);
    }
  }

  private static void report(
      List<Sample> samples,
      long[] checkpoints,
      String attachFailure,
      Path gcLog,
      long wallNanos,
      long lines,
      long bytes)
      throws IOException {
    List<Long> missing = new ArrayList<>();
    for (long checkpoint : checkpoints) {
      if (samples.stream().noneMatch(s -> s.checkpoint == checkpoint)) {
        missing.add(checkpoint);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "the live heap was not sampled at checkpoints "
              + missing
              + (attachFailure == null
                  ? " (the CLI ended first: use fewer records per checkpoint, or latencyMs)"
                  : " (cannot attach to the CLI's JVM: " + attachFailure + ")"));
    }
    GcLog log = GcLog.parse(gcLog);
    if (log.diagnosticPauses < samples.size()) {
      throw new IllegalStateException(
          gcLog
              + " shows "
              + log.diagnosticPauses
              + " diagnostic full collections for "
              + samples.size()
              + " samples: cannot exclude them");
    }
    double wallMillis = wallNanos / 1e6;
    double measuredMillis = wallMillis - log.diagnosticMillis;
    double share = log.pauseMillis / measuredMillis;
    ForkedJvm.result("lines", lines);
    ForkedJvm.result("bytes", bytes);
    ForkedJvm.result("exitCode", 0);
    ForkedJvm.result("wallMillis", Math.round(wallMillis));
    ForkedJvm.result("measuredMillis", Math.round(measuredMillis));
    ForkedJvm.result("gcPauseMillis", String.format(Locale.ROOT, "%.1f", log.pauseMillis));
    ForkedJvm.result("gcShare", String.format(Locale.ROOT, "%.4f", share));
    ForkedJvm.result("pauses", log.pauses);
    ForkedJvm.result("fullPauses", log.fullPauses);
    ForkedJvm.result("diagnosticPauses", log.diagnosticPauses);
    ForkedJvm.result(
        "diagnosticPauseMillis", String.format(Locale.ROOT, "%.1f", log.diagnosticMillis));
    ForkedJvm.result("recordsPerSecond", Math.round(lines / (measuredMillis / 1e3)));
    for (Sample sample : samples) {
      ForkedJvm.result("liveHeap." + sample.checkpoint, sample.bytes);
      ForkedJvm.result("liveHeap." + sample.checkpoint + ".atRecords", sample.atRecords);
    }
    ForkedJvm.result("gcLog", gcLog);
    ForkedJvm.result("loadAverageAtEnd", ForkedJvm.loadAverage());
    System.out.printf(
        Locale.ROOT,
        "%,d lines in %.1f s (CLI start-up included): GC pauses %.0f ms = %.1f%% of the time"
            + " (%d pauses, %d full; %d diagnostic full GCs of %.0f ms excluded), %,d records/s;"
            + " load average %s%n",
        lines,
        wallMillis / 1e3,
        log.pauseMillis,
        100 * share,
        log.pauses,
        log.fullPauses,
        log.diagnosticPauses,
        log.diagnosticMillis,
        Math.round(lines / (measuredMillis / 1e3)),
        ForkedJvm.loadAverage());
  }

  /** One live-heap sample: asked for at {@code checkpoint}, taken at {@code atRecords}. */
  private record Sample(long checkpoint, long atRecords, long bytes, long nanos) {}

  /** The pauses of an {@code -Xlog:gc} log, those the samples caused apart. */
  private record GcLog(
      long pauses,
      double pauseMillis,
      long fullPauses,
      long diagnosticPauses,
      double diagnosticMillis) {
    static GcLog parse(Path file) throws IOException {
      long pauses = 0;
      double millis = 0;
      long full = 0;
      long diagnostic = 0;
      double diagnosticMillis = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher pause = PAUSE.matcher(line);
        if (!pause.find()) {
          continue;
        }
        double ms = Double.parseDouble(pause.group(2));
        if (DIAGNOSTIC_CAUSES.stream().anyMatch(line::contains)) {
          diagnostic++;
          diagnosticMillis += ms;
        } else {
          pauses++;
          millis += ms;
          if (pause.group(1).equals("Full")) {
            full++;
          }
        }
      }
      return new GcLog(pauses, millis, full, diagnostic, diagnosticMillis);
    }
  }

  /**
   * Reads a growing file from its start, counting newlines: {@code FILE.partial} while the CLI
   * writes it (the open file stays readable when it is renamed to {@code FILE}), or {@code FILE} if
   * the partial file was gone before it could be opened.
   */
  private static final class Follower implements AutoCloseable {
    private final Path partial;
    private final Path done;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private FileChannel channel;
    private long bytes;
    private long lines;

    Follower(Path partial, Path done) {
      this.partial = partial;
      this.done = done;
    }

    boolean isOpen() {
      return channel != null;
    }

    long bytes() {
      return bytes;
    }

    long lines() {
      return lines;
    }

    /** Reads what was appended since the last call; returns the newlines so far. */
    long poll() throws IOException {
      if (channel == null) {
        channel = open(partial);
        if (channel == null) {
          channel = open(done);
        }
        if (channel == null) {
          return 0;
        }
      }
      while (true) {
        buffer.clear();
        int read = channel.read(buffer);
        if (read <= 0) {
          return lines;
        }
        byte[] array = buffer.array();
        for (int i = 0; i < read; i++) {
          if (array[i] == '\n') {
            lines++;
          }
        }
        bytes += read;
      }
    }

    private static FileChannel open(Path file) throws IOException {
      try {
        return FileChannel.open(file, StandardOpenOption.READ);
      } catch (java.nio.file.NoSuchFileException e) {
        return null;
      }
    }

    @Override
    public void close() throws IOException {
      if (channel != null) {
        channel.close();
      }
    }
  }

  /**
   * {@code jcmd PID GC.class_histogram} without starting {@code jcmd}: through the attach API
   * ({@code HotSpotVirtualMachine.executeJCmd}, which this JVM reaches with {@code --add-exports
   * jdk.attach/sun.tools.attach=ALL-UNNAMED}).
   */
  private static final class Sampler {
    private final VirtualMachine vm;
    private final Method executeJCmd;

    private Sampler(VirtualMachine vm, Method executeJCmd) {
      this.vm = vm;
      this.executeJCmd = executeJCmd;
    }

    static Sampler attach(long pid) throws IOException, ReflectiveOperationException {
      Method executeJCmd =
          Class.forName("sun.tools.attach.HotSpotVirtualMachine")
              .getMethod("executeJCmd", String.class);
      try {
        return new Sampler(VirtualMachine.attach(String.valueOf(pid)), executeJCmd);
      } catch (com.sun.tools.attach.AttachNotSupportedException e) {
        throw new IOException(e);
      }
    }

    /** Runs a full GC in the target and returns the histogram's total bytes: the live heap. */
    long liveHeapBytes() throws IOException, ReflectiveOperationException {
      String text;
      try (InputStream in = (InputStream) executeJCmd.invoke(vm, "GC.class_histogram")) {
        // read() until EOF as jcmd does: readAllBytes() stops after 4 KiB on this stream (JDK 17)
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) > 0) {
          answer.write(chunk, 0, n);
        }
        text = answer.toString(StandardCharsets.UTF_8);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw e;
      }
      String[] lines = text.split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        String line = lines[i].trim();
        if (line.startsWith("Total")) {
          String[] fields = line.split("\\s+");
          return Long.parseLong(fields[fields.length - 1]);
        }
      }
      throw new IOException("no Total line in GC.class_histogram's answer: " + text);
    }
  }
}
