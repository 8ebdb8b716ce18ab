package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

/** Table rows and ratio lines of {@link ReportTable} from {@link JmhResults}. */
final class JmhRows {
  private final Markdown md;
  private final JmhResults jmh;

  JmhRows(Markdown md, JmhResults jmh) {
    this.md = md;
    this.jmh = jmh;
  }

  /** A decoder's row: median, mean ± error, min - max, MB/s at the median, bytes allocated. */
  void decodeRow(String label, String key, double bytesPerRecord) {
    JsonNode metric = jmh.get(key).get("primaryMetric");
    double median = metric.get("scorePercentiles").get("50.0").asDouble();
    md.line(
        "| %s | %,.0f | %,.0f ± %,.0f | %,.0f - %,.0f | %.1f | %s |",
        label,
        median,
        metric.get("score").asDouble(),
        metric.get("scoreError").asDouble(),
        metric.get("scorePercentiles").get("0.0").asDouble(),
        metric.get("scorePercentiles").get("100.0").asDouble(),
        median * bytesPerRecord / 1e6,
        jmh.allocated(key));
  }

  /** A client's row: median, mean ± error, min - max, bytes allocated; none if it was not run. */
  void row(String label, String key) {
    JsonNode result = jmh.get(key);
    if (result == null) {
      return;
    }
    JsonNode metric = result.get("primaryMetric");
    md.line(
        "| %s | %,.0f | %,.0f ± %,.0f | %,.0f - %,.0f | %s |",
        label,
        jmh.median(key),
        metric.get("score").asDouble(),
        metric.get("scoreError").asDouble(),
        metric.get("scorePercentiles").get("0.0").asDouble(),
        metric.get("scorePercentiles").get("100.0").asDouble(),
        jmh.allocated(key));
  }

  /**
   * The ratio of two medians, against {@code target} if it is above 0, else only reported; none if
   * either was not run.
   */
  void ratio(String label, String numerator, String denominator, double target) {
    if (!jmh.contains(numerator) || !jmh.contains(denominator)) {
      return;
    }
    double ratio = jmh.median(numerator) / jmh.median(denominator);
    if (target > 0) {
      md.line(
          "- %s = %.2fx (target >= %.1fx) %s",
          label, ratio, target, Markdown.verdict(ratio >= target));
    } else {
      md.line("- %s = %.2fx (reported)", label, ratio);
    }
  }
}
