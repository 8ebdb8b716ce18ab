package io.github.pcusage.benchmarks;

/**
 * One live-heap sample of the CLI's JVM: asked for at {@code checkpoint}, taken at {@code
 * atRecords}, {@code bytes} live after a full GC, taking {@code nanos}.
 */
record LiveHeapSample(long checkpoint, long atRecords, long bytes, long nanos) {}
