package io.github.pcusage.cli;

/** The record output formats; {@link #toString()} is the name the options take. */
enum OutputFormat {
  /** One JSON object per line, every field as the SDK decoded it (lossless decimals). */
  jsonl("jsonl"),
  /** CSV with a fixed column order, see {@link CsvColumns}: lossless, RFC 4180, LF line ends. */
  csv("csv"),
  /**
   * CSV for spreadsheets: UTF-8 with a byte-order mark, CRLF, a chosen delimiter, UTC times Excel
   * reads as dates, maps as {@code key=value; ...} text (see {@link CsvColumns#excelCells}).
   */
  csv_excel("csv-excel");

  private final String name;

  OutputFormat(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}
