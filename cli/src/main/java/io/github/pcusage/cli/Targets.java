package io.github.pcusage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the targets file of {@code export}: CSV (UTF-8) with a header line {@code
 * customer,subscription} (other columns are ignored), one pair per line; empty lines and lines
 * starting with {@code #} are skipped. Every problem is a usage error naming the line.
 */
public final class Targets {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

  private Targets() {}

  /**
   * Reads a targets file.
   *
   * @param file the file
   * @return its targets, in file order
   * @throws CliException a usage error naming the line
   */
  public static List<Target> read(Path file) {
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw CliException.usage("--targets: " + file + " is a directory, not a CSV file");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.usage("--targets: cannot read " + file + ": no such file");
    } catch (CharacterCodingException e) {
      throw CliException.usage("--targets: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw CliException.usage(
          "--targets: cannot read " + file + ": " + CheckpointedFile.describe(e));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    // Line by line (ids never span lines), so that every message names the exact line.
    String[] lines = text.split("\r?\n", -1);
    List<Target> targets = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    int customer = -1;
    int subscription = -1;
    for (int i = 0; i < lines.length; i++) {
      long line = i + 1;
      String raw = lines[i].strip();
      if (raw.isEmpty() || raw.startsWith("#")) {
        continue;
      }
      List<String> cells = cells(file, line, raw);
      if (customer < 0) {
        for (int c = 0; c < cells.size(); c++) {
          String name = cells.get(c).toLowerCase(Locale.ROOT);
          if (name.equals("customer") && customer < 0) {
            customer = c;
          } else if (name.equals("subscription") && subscription < 0) {
            subscription = c;
          }
        }
        if (customer < 0 || subscription < 0) {
          throw CliException.usage(
              "--targets: "
                  + file
                  + " line "
                  + line
                  + " is not the header line 'customer,subscription'");
        }
        continue;
      }
      String c = customer < cells.size() ? cells.get(customer) : "";
      String s = subscription < cells.size() ? cells.get(subscription) : "";
      if (c.isEmpty() || s.isEmpty()) {
        throw CliException.usage(
            "--targets: "
                + file
                + " line "
                + line
                + ": the "
                + (c.isEmpty() ? "customer" : "subscription")
                + " is empty");
      }
      Long before = seen.putIfAbsent(c + "\n" + s, line);
      if (before != null) {
        throw CliException.usage(
            "--targets: "
                + file
                + " line "
                + line
                + " repeats customer "
                + c
                + ", subscription "
                + s
                + " of line "
                + before);
      }
      targets.add(new Target(c, s, line));
    }
    if (targets.isEmpty()) {
      throw CliException.usage(
          "--targets: " + file + " lists no targets (expected lines 'customer,subscription')");
    }
    return targets;
  }

  private static List<String> cells(Path file, long line, String text) {
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      List<String> cells = new ArrayList<>();
      if (!records.isEmpty()) {
        for (String cell : records.get(0)) {
          cells.add(cell.strip());
        }
      }
      return cells;
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw CliException.usage(
          "--targets: "
              + file
              + " line "
              + line
              + " is not valid CSV: "
              + message.replace('\n', ' '));
    }
  }
}
