package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JMH's JSON results ({@code -rf json}), by {@code Benchmark.method} (e.g. {@code
 * PageDecodeBenchmark.sdkGenerated}).
 */
final class JmhResults {
  private final Map<String, JsonNode> results;

  private JmhResults(Map<String, JsonNode> results) {
    this.results = results;
  }

  /** Reads {@code dir/jmh.json}; no results if there is no such file. */
  static JmhResults load(Path dir) throws IOException {
    return load(dir, "jmh.json");
  }

  /**
   * Reads {@code dir/fileName} (e.g. {@code jmh-ratecard.json}); no results if there is no such
   * file.
   */
  static JmhResults load(Path dir, String fileName) throws IOException {
    Map<String, JsonNode> results = new LinkedHashMap<>();
    Path file = dir.resolve(fileName);
    if (Files.exists(file)) {
      for (JsonNode result : new ObjectMapper().readTree(file.toFile())) {
        String name = result.get("benchmark").asText();
        results.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
      }
    }
    return new JmhResults(results);
  }

  boolean contains(String key) {
    return results.containsKey(key);
  }

  /** The result of {@code key}, or {@code null} if it was not run. */
  JsonNode get(String key) {
    return results.get(key);
  }

  /** The median of {@code key}'s iterations (operations per second). */
  double median(String key) {
    return results.get(key).get("primaryMetric").get("scorePercentiles").get("50.0").asDouble();
  }

  /** JMH's {@code -prof gc} bytes allocated per op (per record here), when it was on. */
  String allocated(String key) {
    JsonNode secondary = results.get(key).get("secondaryMetrics");
    JsonNode norm = secondary == null ? null : secondary.get("gc.alloc.rate.norm");
    return norm == null ? "-" : String.format(Locale.ROOT, "%,.0f", norm.get("score").asDouble());
  }
}
