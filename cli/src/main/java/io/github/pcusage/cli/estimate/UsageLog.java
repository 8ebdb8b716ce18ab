package io.github.pcusage.cli.estimate;

import io.github.pcusage.Page;
import io.github.pcusage.cli.CliException;
import io.github.pcusage.cli.ExitCode;
import io.github.pcusage.cli.JsonlEncoder;
import io.github.pcusage.cli.PageBuffer;
import io.github.pcusage.cli.RecordEncoder;
import io.github.pcusage.cli.Target;
import io.github.pcusage.estimate.Estimator;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an estimate keeps of each page of a target, in the target's part file (checkpointed after
 * every page, as an export's parts are): the page's quantities summed by UTC day of {@code
 * usageStartTime}, meter, unit and the resource's display fields, one line each starting with
 * {@code #}; with {@code --keep-records}, before them, the page's records as JSON Lines as received
 * (as {@code export} writes them, ids first).
 *
 * <p>A part is small without the records (a line per meter and day of a page), and {@link #replay}
 * gives an {@link Estimator} the same sums, days and first-seen meter names as the records
 * themselves would: every run prices from the parts, so a resumed estimate prices exactly what an
 * uninterrupted one does. Quantities keep their exact text ({@link BigDecimal#toString()}).
 */
final class UsageLog implements RecordEncoder {
  private final Target target;
  private final RecordEncoder records;

  UsageLog(Target target, boolean keepRecords) {
    this.target = target;
    this.records = keepRecords ? new JsonlEncoder(target) : null;
  }

  /** One aggregation key: the fields of a record that pricing reads, the quantity aside. */
  private record Key(
      LocalDate day,
      String meterId,
      String unit,
      String name,
      String category,
      String subcategory,
      String region) {}

  @Override
  public byte[] header() {
    return new byte[0];
  }

  @Override
  public void encode(Page<AzureUtilizationRecord> page, PageBuffer out) {
    Map<Key, BigDecimal> sums = new LinkedHashMap<>();
    for (AzureUtilizationRecord r : page.items()) {
      if (r.getQuantity() == null || r.getUsageStartTime() == null) {
        throw new CliException(
            ExitCode.API,
            "a record of "
                + target
                + " (request id "
                + page.requestId()
                + ") has no "
                + (r.getQuantity() == null ? "quantity" : "usageStartTime")
                + ": it cannot be priced");
      }
      AzureResource res = r.getResource();
      Key key =
          new Key(
              r.getUsageStartTime().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
              res == null ? "" : text(res.getId()).trim(),
              text(r.getUnit()).trim(),
              res == null ? "" : text(res.getName()),
              res == null ? "" : text(res.getCategory()),
              res == null ? "" : text(res.getSubcategory()),
              res == null ? "" : text(res.getRegion()));
      sums.merge(key, r.getQuantity(), BigDecimal::add);
    }
    if (records != null) {
      records.encode(page, out);
    }
    StringBuilder line = new StringBuilder();
    for (Map.Entry<Key, BigDecimal> sum : sums.entrySet()) {
      Key k = sum.getKey();
      line.setLength(0);
      line.append('#').append(k.day);
      for (String field :
          new String[] {k.meterId, k.unit, k.name, k.category, k.subcategory, k.region}) {
        line.append('\t');
        escape(field, line);
      }
      line.append('\t').append(sum.getValue().toString()).append('\n');
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Gives {@code estimator} the usage of a complete part and copies its records, if any, to {@code
   * recordsOut} (null: dropped).
   *
   * @return the number of usage lines read
   */
  static long replay(Path part, Target target, Estimator estimator, OutputStream recordsOut)
      throws IOException {
    long lines = 0;
    try (InputStream in = Files.newInputStream(part)) {
      byte[] chunk = new byte[1 << 16];
      byte[] line = new byte[4096];
      int length = 0;
      int n;
      while ((n = in.read(chunk)) > 0) {
        for (int i = 0; i < n; i++) {
          if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
          }
          line[length++] = chunk[i];
          if (chunk[i] != '\n') {
            continue;
          }
          if (line[0] != '#') {
            if (recordsOut != null) {
              recordsOut.write(line, 0, length);
            }
          } else {
            String text = new String(line, 1, length - 2, StandardCharsets.UTF_8);
            estimator.add(target.customerId, target.subscriptionId, record(text, part));
            lines++;
          }
          length = 0;
        }
      }
      if (length > 0) {
        throw new IOException(part + " ends in the middle of a line");
      }
    }
    return lines;
  }

  private static AzureUtilizationRecord record(String text, Path part) throws IOException {
    String[] f = text.split("\t", -1);
    if (f.length != 8) {
      throw new IOException(part + " holds a damaged usage line");
    }
    try {
      return AzureUtilizationRecord.builder()
          .usageStartTime(LocalDate.parse(f[0]).atStartOfDay().atOffset(ZoneOffset.UTC))
          .unit(unescape(f[2]))
          .quantity(new BigDecimal(f[7]))
          .resource(
              AzureResource.builder()
                  .id(unescape(f[1]))
                  .name(unescape(f[3]))
                  .category(unescape(f[4]))
                  .subcategory(unescape(f[5]))
                  .region(unescape(f[6]))
                  .build())
          .build();
    } catch (RuntimeException e) {
      throw new IOException(part + " holds a damaged usage line: " + e.getMessage(), e);
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
