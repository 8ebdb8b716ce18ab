package io.github.pcusage.cli;

import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Turns utilization records into output bytes (UTF-8), one record at a time. */
interface RecordEncoder {
  /** Returns what goes once at the top of the output: the CSV header line, or nothing. */
  byte[] header();

  /** Appends one record, line end included. */
  void encode(AzureUtilizationRecord record, ByteArrayOutputStream out) throws IOException;

  /**
   * Returns the encoder of a format. With {@code target} set ({@code export}), every record starts
   * with its customer and subscription ids.
   */
  static RecordEncoder of(OutputFormat format, Target target) {
    return format == OutputFormat.csv ? new CsvEncoder(target) : new JsonlEncoder(target);
  }
}
