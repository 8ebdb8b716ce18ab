package io.github.pcusage.cli.estimate;

import com.squareup.moshi.JsonWriter;
import io.github.pcusage.estimate.EstimateLine;
import io.github.pcusage.estimate.Estimator;
import io.github.pcusage.estimate.LineCost;
import io.github.pcusage.estimate.Money;
import io.github.pcusage.estimate.Totals;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import okio.Buffer;

/**
 * The figures of {@code report.html}, as one JSON document embedded in the page: totals, customers,
 * cost by category, the daily trend by category, top meters, unpriced lines, skipped subscriptions
 * and reconciliations. Amounts are the exact sums rounded once, for display, as {@link Money} says;
 * the charts read the same figures.
 */
final class ReportData {
  /** How many meters the top-meters chart and table show. */
  static final int TOP_METERS = 15;

  static final String DAILY_NOTE =
      "list cost allocated to the UTC day of each record's usageStartTime, pro rata to quantity";

  private ReportData() {}

  /** Returns the JSON, safe to embed in a {@code <script>} element. */
  static String json(EstimateReport report) throws IOException {
    String currency = report.card().currency();
    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      w.beginObject();
      w.name("start").value(report.start().toString());
      w.name("end").value(report.end().toString());
      w.name("currency").value(currency);
      w.name("fractionDigits").value(Money.fractionDigits(currency));
      w.name("locale").value(report.card().locale());
      w.name("cardMeters").value(report.card().meters());
      w.name("cardEffective")
          .value(report.card().earliestEffective() + " to " + report.card().latestEffective());
      w.name("markupPercent").value(report.markupPercent().stripTrailingZeros().toPlainString());
      w.name("rule").value(Estimator.RULE);
      w.name("rounding").value(Money.RULE);
      w.name("dailyNote").value(DAILY_NOTE);
      w.name("totals");
      totals(w, Totals.of(report.lines()), currency);
      customers(w, report, currency);
      categories(w, report.lines(), currency);
      daily(w, report.lines(), currency);
      topMeters(w, report.lines(), currency);
      unpriced(w, report);
      skipped(w, report);
      reconciliations(w, report, currency);
      w.endObject();
    }
    // "</" would end the script element: JSON allows "\/" for "/".
    return out.readUtf8().replace("</", "<\\/");
  }

  private static String money(BigDecimal amount, String currency) {
    return Money.round(amount, currency).toPlainString();
  }

  private static void totals(JsonWriter w, Totals t, String currency) throws IOException {
    w.beginObject();
    w.name("listCost").value(money(t.listCost(), currency));
    w.name("discount").value(money(t.discount(), currency));
    w.name("costAfterDiscount").value(money(t.costAfterDiscount(), currency));
    w.name("markup").value(money(t.markup(), currency));
    w.name("amount").value(money(t.amount(), currency));
    w.name("pricedLines").value(t.pricedLines());
    w.name("unpricedLines").value(t.unpricedLines());
    w.name("subscriptions").value(t.subscriptions());
    w.endObject();
  }

  private static void customers(JsonWriter w, EstimateReport report, String currency)
      throws IOException {
    w.name("customers").beginArray();
    for (Map.Entry<String, Totals> c : Totals.byCustomer(report.lines()).entrySet()) {
      w.beginObject();
      w.name("id").value(c.getKey());
      w.name("name").value(report.customerName(c.getKey()));
      w.name("totals");
      totals(w, c.getValue(), currency);
      w.endObject();
    }
    w.endArray();
  }

  private static void categories(JsonWriter w, List<EstimateLine> lines, String currency)
      throws IOException {
    SortedMap<String, BigDecimal> byCategory = new TreeMap<>();
    for (EstimateLine line : lines) {
      line.cost().ifPresent(c -> byCategory.merge(category(line), c.listCost(), BigDecimal::add));
    }
    w.name("categories").beginArray();
    for (Map.Entry<String, BigDecimal> c : byCategory.entrySet()) {
      w.beginObject().name("name").value(c.getKey());
      w.name("listCost").value(money(c.getValue(), currency)).endObject();
    }
    w.endArray();
  }

  private static String category(EstimateLine line) {
    return line.category().isEmpty() ? "(no category)" : line.category();
  }

  private static void daily(JsonWriter w, List<EstimateLine> lines, String currency)
      throws IOException {
    TreeSet<LocalDate> days = new TreeSet<>();
    SortedMap<String, Map<LocalDate, BigDecimal>> series = new TreeMap<>();
    for (EstimateLine line : lines) {
      for (Map.Entry<LocalDate, BigDecimal> day : line.listCostByDay().entrySet()) {
        days.add(day.getKey());
        series
            .computeIfAbsent(category(line), k -> new TreeMap<>())
            .merge(day.getKey(), day.getValue(), BigDecimal::add);
      }
    }
    w.name("daily").beginObject().name("days").beginArray();
    for (LocalDate day : days) {
      w.value(day.toString());
    }
    w.endArray().name("series").beginArray();
    for (Map.Entry<String, Map<LocalDate, BigDecimal>> s : series.entrySet()) {
      w.beginObject().name("category").value(s.getKey()).name("values").beginArray();
      for (LocalDate day : days) {
        w.value(money(s.getValue().getOrDefault(day, BigDecimal.ZERO), currency));
      }
      w.endArray().endObject();
    }
    w.endArray().endObject();
  }

  private static void topMeters(JsonWriter w, List<EstimateLine> lines, String currency)
      throws IOException {
    Map<String, BigDecimal> amount = new LinkedHashMap<>();
    Map<String, BigDecimal> quantity = new LinkedHashMap<>();
    Map<String, EstimateLine> first = new LinkedHashMap<>();
    for (EstimateLine line : lines) {
      if (line.cost().isPresent()) {
        String key = line.meterId().toLowerCase(java.util.Locale.ROOT);
        first.putIfAbsent(key, line);
        amount.merge(key, line.cost().map(LineCost::amount).get(), BigDecimal::add);
        quantity.merge(key, line.quantity(), BigDecimal::add);
      }
    }
    List<String> keys = new ArrayList<>(amount.keySet());
    keys.sort(Comparator.comparing((String k) -> amount.get(k)).reversed().thenComparing(k -> k));
    w.name("topMeters").beginArray();
    for (String key : keys.subList(0, Math.min(TOP_METERS, keys.size()))) {
      EstimateLine line = first.get(key);
      w.beginObject();
      w.name("meterId").value(line.meterId());
      w.name("name").value(line.meterName());
      w.name("category").value(line.category());
      w.name("region").value(line.region());
      w.name("unit").value(line.unit());
      w.name("quantity").value(quantity.get(key).stripTrailingZeros().toPlainString());
      w.name("amount").value(money(amount.get(key), currency));
      w.endObject();
    }
    w.endArray();
  }

  private static void unpriced(JsonWriter w, EstimateReport report) throws IOException {
    w.name("unpriced").beginArray();
    for (EstimateLine line : report.lines()) {
      if (line.cost().isEmpty()) {
        w.beginObject();
        w.name("customer").value(report.customerName(line.customerId()));
        w.name("subscriptionId").value(line.subscriptionId());
        w.name("month").value(line.month().toString());
        w.name("meterId").value(line.meterId());
        w.name("name").value(line.meterName());
        w.name("unit").value(line.unit());
        w.name("quantity").value(line.quantity().stripTrailingZeros().toPlainString());
        w.name("reason").value(line.unpricedDetail());
        w.endObject();
      }
    }
    w.endArray();
  }

  private static void skipped(JsonWriter w, EstimateReport report) throws IOException {
    w.name("skipped").beginArray();
    for (EstimateReport.Skipped s : report.skipped()) {
      w.beginObject();
      w.name("customer").value(report.customerName(s.customerId()));
      w.name("subscriptionId").value(s.subscriptionId());
      w.name("offerName").value(s.offerName());
      w.name("kind").value(s.kind());
      w.endObject();
    }
    w.endArray();
  }

  private static void reconciliations(JsonWriter w, EstimateReport report, String currency)
      throws IOException {
    w.name("reconciliations").beginArray();
    for (EstimateReport.Reconciliation r : report.reconciliations()) {
      w.beginObject();
      w.name("customer").value(report.customerName(r.customerId()));
      w.name("subscriptionId").value(r.subscriptionId());
      if (r.summaryTotal() != null && r.estimateTotal() != null) {
        w.name("summaryTotal").value(money(r.summaryTotal(), currency));
        w.name("estimateTotal").value(money(r.estimateTotal(), currency));
        w.name("difference").value(money(r.estimateTotal().subtract(r.summaryTotal()), currency));
      }
      w.name("note").value(r.note());
      w.endObject();
    }
    w.endArray();
  }
}
