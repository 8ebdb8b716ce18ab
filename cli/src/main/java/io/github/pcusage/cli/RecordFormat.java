package io.github.pcusage.cli;

import java.util.Objects;

/**
 * A record output format with its settings ({@code --format}, {@code --csv-delimiter}): the encoder
 * of each listing, the header of an export, and the words that identify it in checkpoints.
 */
final class RecordFormat {
  final OutputFormat format;
  final char delimiter;

  RecordFormat(OutputFormat format, char delimiter) {
    this.format = Objects.requireNonNull(format, "format == null");
    this.delimiter = delimiter;
  }

  /**
   * Returns the encoder of a listing; with {@code target} set ({@code export}) every record starts
   * with its customer and subscription ids.
   */
  RecordEncoder encoder(Target target) {
    switch (format) {
      case csv:
        return CsvEncoder.plain(target);
      case csv_excel:
        return CsvEncoder.excel(target, delimiter);
      default:
        return new JsonlEncoder(target);
    }
  }

  /** Returns what an export's output starts with, whatever its targets. */
  byte[] exportHeader() {
    return encoder(new Target("", "", 0)).header();
  }

  /** Returns the file name extension of an export's part files. */
  String extension() {
    return format == OutputFormat.jsonl ? "jsonl" : "csv";
  }

  /** Identifies the format and its settings in a checkpoint's fingerprint. */
  @Override
  public String toString() {
    return format == OutputFormat.csv_excel
        ? format + "(delimiter " + delimiter + ")"
        : format.toString();
  }
}
