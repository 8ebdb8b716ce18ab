package io.github.pcusage.cli.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code report.html}: one self-contained page (no network: Apache ECharts and the figures
 * are inlined) with the totals, the amount by customer, the list cost by category, the daily list
 * cost by category, the top meters, sortable tables, and the unpriced usage and the subscriptions
 * left out called out. Print-friendly. The figures are {@link ReportData}'s JSON, in the element
 * {@code <script type="application/json" id="estimate-data">}.
 */
public final class ReportHtml {
  static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final String TEMPLATE = "io/github/pcusage/cli/estimate/report.html";

  private ReportHtml() {}

  /**
   * Writes the report to {@code file}, atomically (a temporary file beside it, then a move).
   *
   * @param report what to show
   * @param file the file to write, for example {@code oct/report.html}
   * @throws IOException if it cannot be written
   */
  public static void write(EstimateReport report, Path file) throws IOException {
    String page =
        template()
            .replace("/*@ECHARTS@*/", Resources.ECHARTS_JS)
            .replace("/*@DATA@*/", ReportData.json(report));
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, page, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String template() {
    return read(TEMPLATE);
  }

  static String read(String resource) {
    try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the pcusage jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The inlined script, read once. */
  private static final class Resources {
    static final String ECHARTS_JS = read(ECHARTS);
  }
}
