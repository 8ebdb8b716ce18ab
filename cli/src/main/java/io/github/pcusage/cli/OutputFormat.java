package io.github.pcusage.cli;

/** The record output formats. */
enum OutputFormat {
  /** One JSON object per line, every field as the SDK decoded it (lossless decimals). */
  jsonl,
  /** CSV with a fixed column order, see {@link CsvColumns}. */
  csv
}
