package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * When to sample the CLI's live heap, and the samples taken. Attaches to the CLI's JVM once the CLI
 * writes its file (well past JVM start-up), then takes a {@link HeapHistogram} each time the file
 * passes a checkpoint. A checkpoint at or past the last record is sampled a little before the end
 * (the process would be gone): at about the records the CLI writes while one sample is taken,
 * twice, and at least one page before the last record.
 */
final class LiveHeapSampling {
  /** How long a sample is assumed to take before one has been timed. */
  private static final long DEFAULT_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

  private final long[] checkpoints;
  private final long records;
  private final List<LiveHeapSample> samples = new ArrayList<>();
  private HeapHistogram histogram;
  private String attachFailure;
  private long worstSampleNanos;
  private long firstCount = -1;
  private long firstSeen;
  private int next;

  LiveHeapSampling(long[] checkpoints, long records) {
    this.checkpoints = checkpoints;
    this.records = records;
  }

  /**
   * Takes the samples that are due, after a poll of the CLI's file while the CLI runs.
   *
   * @param process the CLI
   * @param writing whether the CLI's file has been opened
   * @param count the records written so far
   */
  void poll(Process process, boolean writing, long count) {
    if (firstCount < 0 && count > 0) {
      firstCount = count;
      firstSeen = System.nanoTime();
    }
    if (histogram == null && attachFailure == null && writing) {
      try {
        histogram = HeapHistogram.attach(process.pid());
      } catch (IOException | ReflectiveOperationException | RuntimeException e) {
        attachFailure = e.toString();
      }
    }
    while (histogram != null && next < checkpoints.length) {
      if (count < due(count)) {
        break;
      }
      sample(process, count);
      next++;
    }
  }

  /** The record count at which the next checkpoint is sampled. */
  private long due(long count) {
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
    return due;
  }

  private void sample(Process process, long count) {
    long t0 = System.nanoTime();
    try {
      long bytes = histogram.liveHeapBytes();
      long took = System.nanoTime() - t0;
      worstSampleNanos = Math.max(worstSampleNanos, took);
      samples.add(new LiveHeapSample(checkpoints[next], count, bytes, took));
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
  }

  /** The samples taken, in checkpoint order. */
  List<LiveHeapSample> samples() {
    return samples;
  }

  /**
   * Fails unless every checkpoint was sampled.
   *
   * @throws IllegalStateException naming the checkpoints missed, and why
   */
  void requireEveryCheckpoint() {
    List<Long> missing = new ArrayList<>();
    for (long checkpoint : checkpoints) {
      if (samples.stream().noneMatch(s -> s.checkpoint() == checkpoint)) {
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
  }
}
