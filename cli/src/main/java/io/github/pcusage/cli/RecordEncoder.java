package io.github.pcusage.cli;

import io.github.pcusage.Page;
import io.github.pcusage.model.AzureUtilizationRecord;

/**
 * Turns the records of a page into output bytes (UTF-8), one line per record; {@link
 * RecordFormat#encoder} returns the one of a format.
 */
public interface RecordEncoder {
  /**
   * Returns what goes once at the top of the output: the CSV header line, or nothing.
   *
   * @return the bytes
   */
  byte[] header();

  /**
   * Appends every record of {@code page}, line ends included.
   *
   * @param page the page
   * @param out where its lines go
   * @throws CliException when the page cannot be written as it was received (exit 5)
   */
  void encode(Page<AzureUtilizationRecord> page, PageBuffer out);
}
