package io.github.pcusage.cli;

import io.github.pcusage.Page;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * CSV with the columns of {@link CsvColumns}, in one of two dialects: {@code csv} (RFC 4180
 * quoting, UTF-8, LF line ends, lossless cells) and {@code csv-excel} (a UTF-8 byte-order mark,
 * CRLF line ends, {@code ,} or {@code ;} between cells, the cells of {@link
 * CsvColumns#excelCells}).
 */
final class CsvEncoder implements RecordEncoder {
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  /** The UTF-8 byte-order mark, by which Excel knows the file is UTF-8. */
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Target target;
  private final CSVFormat format;
  private final boolean excel;

  private CsvEncoder(Target target, CSVFormat format, boolean excel) {
    this.target = target;
    this.format = format;
    this.excel = excel;
  }

  /** The lossless {@code csv} format. */
  static CsvEncoder plain(Target target) {
    return new CsvEncoder(target, FORMAT, false);
  }

  /** The {@code csv-excel} format with {@code delimiter} between cells. */
  static CsvEncoder excel(Target target, char delimiter) {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get();
    return new CsvEncoder(target, format, true);
  }

  @Override
  public byte[] header() {
    List<String> names = new ArrayList<>();
    if (target != null) {
      names.addAll(CsvColumns.TARGET);
    }
    names.addAll(CsvColumns.RECORD);
    byte[] line = line(names.toArray()).getBytes(StandardCharsets.UTF_8);
    if (!excel) {
      return line;
    }
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.writeBytes(BOM);
    header.writeBytes(line);
    return header.toByteArray();
  }

  @Override
  public void encode(Page<AzureUtilizationRecord> page, PageBuffer out) {
    for (AzureUtilizationRecord record : page.items()) {
      out.write(line(cells(record)).getBytes(StandardCharsets.UTF_8));
    }
  }

  private Object[] cells(AzureUtilizationRecord record) {
    Object[] cells = excel ? CsvColumns.excelCells(record) : CsvColumns.cells(record);
    if (target != null) {
      Object[] all = new Object[cells.length + 2];
      all[0] = target.customerId;
      all[1] = target.subscriptionId;
      System.arraycopy(cells, 0, all, 2, cells.length);
      cells = all;
    }
    return cells;
  }

  private String line(Object[] cells) {
    StringBuilder sb = new StringBuilder(512);
    try {
      format.printRecord(sb, cells);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringBuilder does not fail
    }
    return sb.toString();
  }
}
