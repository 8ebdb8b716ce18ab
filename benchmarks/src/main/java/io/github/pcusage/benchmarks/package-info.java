/**
 * The benchmarks of issue 6: JMH benchmarks ({@link
 * io.github.pcusage.benchmarks.PageDecodeBenchmark}, {@link
 * io.github.pcusage.benchmarks.EndToEndBenchmark}) and harness mains for memory, latency hiding and
 * {@code pcusage export}, all against the sandbox on loopback. Run them with {@code
 * benchmarks/run.sh}; figures in {@code docs/benchmarks.md}.
 */
package io.github.pcusage.benchmarks;
