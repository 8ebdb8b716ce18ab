package io.github.pcusage.cli.estimate;

import io.github.pcusage.cli.Checkpoint;
import io.github.pcusage.cli.CheckpointedFile;
import io.github.pcusage.cli.CliException;
import io.github.pcusage.estimate.EstimateLine;
import io.github.pcusage.estimate.LineCost;
import io.github.pcusage.estimate.Money;
import io.github.pcusage.estimate.Totals;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * {@code lines.csv} and {@code customers.csv} of an estimate, and the atomic write every output
 * goes through ({@code FILE.partial}, mode 0600, renamed into place with the umask's permissions).
 * Amounts are rounded for display by {@link Money#round}; quantities are exact.
 */
final class EstimateFiles {
  /** RFC 4180 with LF line ends, as the CLI's other CSV. */
  static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  static final List<String> LINE_COLUMNS =
      List.of(
          "customerId",
          "customerName",
          "subscriptionId",
          "month",
          "meterId",
          "meterName",
          "category",
          "subcategory",
          "region",
          "unit",
          "quantity",
          "billableQuantity",
          "listCost",
          "discount",
          "costAfterDiscount",
          "markup",
          "amount",
          "currency",
          "status",
          "unpricedReason");

  static final List<String> CUSTOMER_COLUMNS =
      List.of(
          "customerId",
          "customerName",
          "subscriptions",
          "pricedLines",
          "unpricedLines",
          "listCost",
          "discount",
          "costAfterDiscount",
          "markup",
          "amount",
          "currency");

  private EstimateFiles() {}

  /** Returns {@code lines.csv}: one row per line of the report, in its order. */
  static String lines(EstimateReport report) {
    StringBuilder text = new StringBuilder();
    print(text, LINE_COLUMNS.toArray());
    String currency = report.card().currency();
    for (EstimateLine line : report.lines()) {
      List<Object> row = new ArrayList<>();
      row.add(line.customerId());
      row.add(report.customerNames().getOrDefault(line.customerId(), ""));
      row.add(line.subscriptionId());
      row.add(line.month().toString());
      row.add(line.meterId());
      row.add(line.meterName());
      row.add(line.category());
      row.add(line.subcategory());
      row.add(line.region());
      row.add(line.unit());
      row.add(line.quantity().toPlainString());
      LineCost cost = line.cost().orElse(null);
      if (cost == null) {
        for (int i = 0; i < 7; i++) {
          row.add("");
        }
      } else {
        row.add(cost.billableQuantity().toPlainString());
        row.add(money(cost.listCost(), currency));
        row.add(money(cost.discount(), currency));
        row.add(money(cost.costAfterDiscount(), currency));
        row.add(money(cost.markup(), currency));
        row.add(money(cost.amount(), currency));
      }
      row.add(currency);
      row.add(cost == null ? "unpriced" : "priced");
      row.add(line.unpricedDetail());
      print(text, row.toArray());
    }
    return text.toString();
  }

  /**
   * Returns {@code customers.csv}: one row per customer with estimated subscriptions, in customer
   * id order.
   *
   * @param subscriptions customer id to the number of its estimated subscriptions
   */
  static String customers(EstimateReport report, Map<String, Integer> subscriptions) {
    StringBuilder text = new StringBuilder();
    print(text, CUSTOMER_COLUMNS.toArray());
    String currency = report.card().currency();
    Map<String, Totals> totals = Totals.byCustomer(report.lines());
    for (Map.Entry<String, Integer> customer : subscriptions.entrySet()) {
      Totals t = totals.getOrDefault(customer.getKey(), Totals.of(List.of()));
      print(
          text,
          customer.getKey(),
          report.customerNames().getOrDefault(customer.getKey(), ""),
          customer.getValue(),
          t.pricedLines(),
          t.unpricedLines(),
          money(t.listCost(), currency),
          money(t.discount(), currency),
          money(t.costAfterDiscount(), currency),
          money(t.markup(), currency),
          money(t.amount(), currency),
          currency);
    }
    return text.toString();
  }

  /** Returns an exact amount rounded for display, as plain text. */
  static String money(BigDecimal amount, String currency) {
    return Money.round(amount, currency).toPlainString();
  }

  private static void print(StringBuilder text, Object... cells) {
    try {
      CSV.printRecord(text, cells);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringBuilder does not fail
    }
  }

  /** Writes {@code file} whole or not at all: {@code FILE.partial}, then an atomic rename. */
  static void writeAtomically(Path file, byte[] bytes) {
    Path partial = CheckpointedFile.partialOf(file);
    try {
      Files.deleteIfExists(partial);
      Checkpoint.createPrivate(partial);
      Files.write(partial, bytes, StandardOpenOption.WRITE);
      Checkpoint.publish(partial, file);
    } catch (IOException e) {
      throw CliException.file("cannot write " + file + ": " + CheckpointedFile.describe(e), e);
    }
  }

  /** As {@link #writeAtomically(Path, byte[])}, for text (UTF-8). */
  static void writeAtomically(Path file, String text) {
    writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
