#!/usr/bin/env bash
# Builds the SDK, the sandbox, the CLI and the benchmarks, then runs the whole table of issue 6 and prints it
# (markdown; also written to benchmarks/target/results/table.md). About 13 minutes on 2 cores, build included.
#
#   benchmarks/run.sh                  # build + everything
#   SKIP_BUILD=1 benchmarks/run.sh     # reuse benchmarks/target/benchmarks.jar and cli/target/pcusage.jar
#   JMH_ARGS="-f 2 -wi 3 -i 5" benchmarks/run.sh   # JMH fork/iteration counts (these are the defaults)
#   RESULTS=DIR JAR=FILE SKIP_BUILD=1 benchmarks/run.sh   # another jar (e.g. a saved "before"), another folder
#   SKIP_CLI_MEMORY=1 SKIP_EXPORT=1 benchmarks/run.sh   # leave out the parts that drive the CLI jar
#   SKIP_RATE_CARD=1 benchmarks/run.sh   # leave out part 6
#
# Parts: 1 page decode (JMH), 2 end to end (JMH), 3 memory (two harnesses, each in a forked JVM:
# -Xmx32m streaming, -Xmx1g retained), 3b the CLI writing 1,000,000 records to a file at -Xmx32m
# with G1 and with SerialGC (harness forking cli/target/pcusage.jar against an in-process sandbox,
# GC share from its gc log, live heap from GC.class_histogram at 100k/300k/1M records; about 40 s;
# skipped with a note when that jar is missing or has no working `utilization`; SKIP_CLI_MEMORY=1
# skips it), 4 latency hiding (harness), 5 `pcusage export` scaling and 429s (harness driving
# cli/target/pcusage.jar; skipped with a note when that jar is missing or has no working `export`;
# SKIP_EXPORT=1 skips it), 6 rate card decode (JMH: the sandbox's 10,000-meter card decoded by the SDK,
# Jackson databind and a token walk; then a harness decoding it through client.azureRateCard() in a
# forked -Xmx64m JVM, retained size; about 2 minutes; SKIP_RATE_CARD=1 skips it). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=${RESULTS:-benchmarks/target/results}
JAR=${JAR:-benchmarks/target/benchmarks.jar}
JMH_ARGS=${JMH_ARGS:-"-f 2 -wi 3 -i 5"}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build: sdk + sandbox + cli (install; parts 3b and 5 drive cli/target/pcusage.jar), benchmarks (package)" >&2
  mvn -B -ntp -q -pl sdk,sandbox,cli -am install -DskipTests
  mvn -B -ntp -q -f benchmarks/pom.xml package -DskipTests
fi
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
# Other processes share the 2 cores: the 1-minute load average before each part goes in the table.
load() { [[ -r /proc/loadavg ]] && echo "$1 $(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS/load.txt" || true; }

load 1+2
echo "== 1 + 2: JMH page decode and end to end" >&2
# shellcheck disable=SC2086
java -jar "$JAR" 'PageDecodeBenchmark' 'EndToEndBenchmark' $JMH_ARGS -prof gc \
  -rf json -rff "$RESULTS/jmh.json" | tee "$RESULTS/jmh.txt" | grep -E '^(Benchmark|[A-Za-z]+Benchmark\.)' >&2

load 3
echo "== 3: memory (streaming at -Xmx32m, retained at -Xmx1g)" >&2
java -cp "$JAR" io.github.pcusage.benchmarks.StreamingMemoryHarness \
  records=1000000 checkpoints=100000,300000,1000000 heap=32m out="$RESULTS/streaming.properties" >&2
java -cp "$JAR" io.github.pcusage.benchmarks.RetainedMemoryHarness \
  records=200000 heap=1g out="$RESULTS/retained.properties" >&2

CLI_JAR=cli/target/pcusage.jar
if [[ -z "${SKIP_CLI_MEMORY:-}" ]] && [[ -f "$CLI_JAR" ]] && java -jar "$CLI_JAR" utilization --help >/dev/null 2>&1; then
  load 3b
  echo "== 3b: the CLI writing 1,000,000 records to a file at -Xmx32m (G1, then SerialGC)" >&2
  java -cp "$JAR" io.github.pcusage.benchmarks.CliMemoryHarness cli="$CLI_JAR" \
    records=1000000 checkpoints=100000,300000,1000000 heap=32m gcs=G1,Serial \
    out="$RESULTS/cli-memory.properties" >&2
else
  echo "== 3b: skipped (no $CLI_JAR with a working 'utilization', or SKIP_CLI_MEMORY set)" >&2
fi

load 4
echo "== 4: latency hiding (100 ms per page)" >&2
java -cp "$JAR" io.github.pcusage.benchmarks.LatencyHidingHarness \
  pages=10 latencyMs=100 runs=3 out="$RESULTS/latency.properties" >&2

if [[ -z "${SKIP_EXPORT:-}" ]] && [[ -f "$CLI_JAR" ]] && java -jar "$CLI_JAR" export --help >/dev/null 2>&1; then
  load 5
  echo "== 5: pcusage export, 200 targets x 5 pages, latency 50 ms, --parallel 1/4/16, then 429s" >&2
  java -cp "$JAR" io.github.pcusage.benchmarks.ExportScalingHarness cli="$CLI_JAR" \
    customers=20 subscriptions=10 pages=5 pageSize=100 latencyMs=50 parallel=1,4,16 \
    faults='429=0.01;seed=7;retry-after=1' out="$RESULTS/export.properties" >&2
else
  echo "== 5: skipped (no $CLI_JAR with a working 'export', or SKIP_EXPORT set)" >&2
fi

if [[ -z "${SKIP_RATE_CARD:-}" ]]; then
  load 6
  echo "== 6: rate card decode (JMH), then the card through the client at -Xmx64m" >&2
  # shellcheck disable=SC2086
  java -jar "$JAR" 'RateCardDecodeBenchmark' $JMH_ARGS -prof gc \
    -rf json -rff "$RESULTS/jmh-ratecard.json" | tee "$RESULTS/jmh-ratecard.txt" | grep -E '^(Benchmark|[A-Za-z]+Benchmark\.)' >&2
  java -cp "$JAR" io.github.pcusage.benchmarks.RateCardMemoryHarness \
    meters=10000 heap=64m out="$RESULTS/ratecard-memory.properties" >&2
else
  echo "== 6: skipped (SKIP_RATE_CARD set)" >&2
fi

load end
echo >&2
java -cp "$JAR" io.github.pcusage.benchmarks.ReportTable "$RESULTS"
