package io.github.pcusage.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs a harness's measuring half in a child JVM with its own heap limit (the sandbox stays in the
 * parent, so its page cache and rendering never count), and the helpers that half uses: the GC
 * MXBeans and the live heap after a full collection.
 */
final class ForkedJvm {
  /** Prefix of the child's lines that carry results ({@code RESULT key=value}). */
  static final String RESULT = "RESULT ";

  private ForkedJvm() {}

  /**
   * Runs {@code mainClass} with {@code args} in a new JVM with {@code -Xmx<heap>}, echoes its
   * output with {@code prefix}, and returns the {@code RESULT} lines as properties.
   */
  static Properties run(String heap, Class<?> mainClass, List<String> args, String prefix) {
    return run(heap, List.of(), mainClass, args, prefix);
  }

  /**
   * As {@link #run(String, Class, List, String)}, with more JVM options (e.g. {@code -Xlog:gc}).
   */
  static Properties run(
      String heap, List<String> jvmOptions, Class<?> mainClass, List<String> args, String prefix) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms" + heap);
    command.add("-Xmx" + heap);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    Properties results = new Properties();
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          System.out.println(prefix + line);
          if (line.startsWith(RESULT)) {
            String pair = line.substring(RESULT.length());
            int eq = pair.indexOf('=');
            results.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
      }
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            mainClass.getSimpleName() + " child JVM failed: " + command);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return results;
  }

  /** Prints one result line for the parent to collect. */
  static void result(String key, Object value) {
    System.out.println(RESULT + key + "=" + value);
  }

  /** Total collection time of every collector so far, in ms. */
  static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** Collections so far, of every collector. */
  static long gcCount() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }

  /** Bytes allocated so far by the live threads of this JVM (HotSpot's thread MXBean). */
  static long allocatedBytes() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!(threads instanceof com.sun.management.ThreadMXBean)) {
      return -1;
    }
    long total = 0;
    for (long bytes :
        ((com.sun.management.ThreadMXBean) threads)
            .getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, bytes);
    }
    return total;
  }

  /** The system load average over the last minute (other processes share the cores). */
  static String loadAverage() {
    return String.format(
        java.util.Locale.ROOT,
        "%.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Names of the collectors. */
  static String gcNames() {
    List<String> names = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(gc.getName());
    }
    return String.join(" + ", names);
  }

  /**
   * Heap in use after full collections, in bytes; {@code spent[0]} gets the GC ms they took and
   * {@code spent[1]}, if present, their number.
   */
  static long liveHeapAfterGc(long[] spent) {
    long before = gcMillis();
    long countBefore = gcCount();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    spent[0] += gcMillis() - before;
    if (spent.length > 1) {
      spent[1] += gcCount() - countBefore;
    }
    return used;
  }

  /** Writes {@code results} to {@code file} (creating its folder), if a file is given. */
  static void save(Properties results, String file) {
    if (file == null) {
      return;
    }
    try {
      Path path = Path.of(file);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      try (var out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        results.store(out, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
