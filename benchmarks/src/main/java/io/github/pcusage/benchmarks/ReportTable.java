package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Prints the results table of {@code benchmarks/run.sh} (markdown) from the JMH JSON results and
 * the harnesses' properties files, with every ratio against its target.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pcusage.benchmarks.ReportTable RESULTS_DIR
 * </pre>
 *
 * RESULTS_DIR holds {@code jmh.json}, {@code streaming.properties}, {@code retained.properties},
 * {@code cli-memory.properties}, {@code latency.properties}, {@code export.properties}, {@code
 * jmh-ratecard.json} and {@code ratecard-memory.properties} (each optional); the table is also
 * written to {@code RESULTS_DIR/table.md}. One section per part, in run order: {@link
 * PageDecodeSection}, {@link EndToEndSection}, {@link MemorySection}, {@link CliMemorySection},
 * {@link LatencySection}, {@link ExportSection}, {@link RateCardSection}.
 */
public final class ReportTable {
  private ReportTable() {}

  /**
   * Prints the table.
   *
   * @param args the results folder
   * @throws IOException if a result file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results");
    String text = render(dir);
    System.out.print(text);
    Files.writeString(dir.resolve("table.md"), text, StandardCharsets.UTF_8);
  }

  /** The table of the results in {@code dir}. */
  static String render(Path dir) throws IOException {
    JmhResults jmh = JmhResults.load(dir);
    Markdown md = new Markdown();
    header(md, dir);
    PageDecodeSection.write(md, jmh);
    EndToEndSection.write(md, jmh);
    MemorySection.write(
        md,
        ResultProperties.read(dir.resolve("streaming.properties")),
        ResultProperties.read(dir.resolve("retained.properties")));
    CliMemorySection.write(md, ResultProperties.read(dir.resolve("cli-memory.properties")));
    LatencySection.write(md, ResultProperties.read(dir.resolve("latency.properties")));
    ExportSection.write(md, ResultProperties.read(dir.resolve("export.properties")));
    RateCardSection.write(
        md,
        JmhResults.load(dir, "jmh-ratecard.json"),
        ResultProperties.read(dir.resolve("ratecard-memory.properties")));
    return md.text();
  }

  /** The machine, the date, and the load average before each part ({@code load.txt}). */
  private static void header(Markdown md, Path dir) throws IOException {
    md.line(
        "Java %s (%s), %d cores, %s, %s",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"),
        LocalDate.now());
    Path load = dir.resolve("load.txt");
    if (Files.exists(load)) {
      md.line(
          "1-minute load average before each part (other processes share the cores): %s",
          String.join(", ", Files.readAllLines(load, StandardCharsets.UTF_8)));
    }
  }
}
