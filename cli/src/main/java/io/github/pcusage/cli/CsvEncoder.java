package io.github.pcusage.cli;

import io.github.pcusage.Page;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** CSV (RFC 4180 quoting, UTF-8, LF line ends) with the columns of {@link CsvColumns}. */
final class CsvEncoder implements RecordEncoder {
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private final Target target;

  CsvEncoder(Target target) {
    this.target = target;
  }

  @Override
  public byte[] header() {
    List<String> names = new ArrayList<>();
    if (target != null) {
      names.addAll(CsvColumns.TARGET);
    }
    names.addAll(CsvColumns.RECORD);
    return line(names.toArray()).getBytes(StandardCharsets.UTF_8);
  }

  /** The header of an export, whatever its targets. */
  static byte[] exportHeader() {
    return new CsvEncoder(new Target("", "", 0)).header();
  }

  @Override
  public void encode(Page<AzureUtilizationRecord> page, PageBuffer out) {
    for (AzureUtilizationRecord record : page.items()) {
      out.write(line(cells(record)).getBytes(StandardCharsets.UTF_8));
    }
  }

  private Object[] cells(AzureUtilizationRecord record) {
    Object[] cells = CsvColumns.cells(record);
    if (target != null) {
      Object[] all = new Object[cells.length + 2];
      all[0] = target.customerId;
      all[1] = target.subscriptionId;
      System.arraycopy(cells, 0, all, 2, cells.length);
      cells = all;
    }
    return cells;
  }

  private static String line(Object[] cells) {
    StringBuilder sb = new StringBuilder(512);
    try {
      FORMAT.printRecord(sb, cells);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringBuilder does not fail
    }
    return sb.toString();
  }
}
