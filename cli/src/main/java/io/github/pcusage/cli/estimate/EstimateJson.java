package io.github.pcusage.cli.estimate;

import com.squareup.moshi.JsonWriter;
import io.github.pcusage.cli.TargetResult;
import io.github.pcusage.estimate.Estimator;
import io.github.pcusage.estimate.Money;
import io.github.pcusage.estimate.Totals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * {@code estimate.json}: for machines, what {@code customers.csv} and {@code lines.csv} show in
 * total: the window and how it selects records, the rate card's particulars, the pricing and
 * rounding rules in words, the totals (rounded for display, as the CSV files), the customers, the
 * unpriced line count, the skipped subscriptions, the failed targets and the reconciliations. Holds
 * no wall-clock time.
 */
final class EstimateJson {
  static final String WINDOW_RULE =
      "records are selected by the time their usage was reported to billing, not when it was"
          + " consumed: [start, end) at midnight UTC; adjacent windows never count a record twice";

  private EstimateJson() {}

  static String of(
      EstimateReport report,
      Map<String, Integer> subscriptions,
      List<TargetResult> failed,
      String requestedCurrency,
      String requestedRegion) {
    Buffer buffer = new Buffer();
    String currency = report.card().currency();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setIndent("  ");
      w.setSerializeNulls(true);
      w.beginObject();
      w.name("window").beginObject();
      w.name("start").value(report.start().toString());
      w.name("end").value(report.end().toString());
      w.name("rule").value(WINDOW_RULE);
      w.endObject();
      w.name("rateCard").beginObject();
      w.name("currency").value(currency);
      w.name("locale").value(report.card().locale());
      w.name("meters").value(report.card().meters());
      w.name("earliestEffectiveDate").value(report.card().earliestEffective());
      w.name("latestEffectiveDate").value(report.card().latestEffective());
      w.name("requestedCurrency").value(requestedCurrency);
      w.name("requestedRegion").value(requestedRegion);
      w.endObject();
      w.name("markupPercent").value(report.markupPercent());
      w.name("pricingRule").value(Estimator.RULE);
      w.name("roundingRule").value(Money.RULE);
      Totals total = Totals.of(report.lines());
      w.name("totals");
      totals(w, total, currency);
      w.name("unpricedLines").value(total.unpricedLines());
      w.name("customers").beginArray();
      Map<String, Totals> byCustomer = Totals.byCustomer(report.lines());
      for (Map.Entry<String, Integer> c : subscriptions.entrySet()) {
        w.beginObject();
        w.name("customerId").value(c.getKey());
        w.name("customerName").value(report.customerNames().getOrDefault(c.getKey(), ""));
        w.name("subscriptions").value(c.getValue());
        w.name("totals");
        totals(w, byCustomer.getOrDefault(c.getKey(), Totals.of(List.of())), currency);
        w.endObject();
      }
      w.endArray();
      w.name("skipped").beginArray();
      for (EstimateReport.Skipped s : report.skipped()) {
        w.beginObject();
        w.name("customerId").value(s.customerId());
        w.name("subscriptionId").value(s.subscriptionId());
        w.name("offerName").value(s.offerName());
        w.name("kind").value(s.kind());
        w.endObject();
      }
      w.endArray();
      w.name("failed").beginArray();
      for (TargetResult r : failed) {
        w.beginObject();
        w.name("customerId").value(r.target.customerId);
        w.name("subscriptionId").value(r.target.subscriptionId);
        w.name("message").value(r.message);
        w.endObject();
      }
      w.endArray();
      w.name("reconciliation").beginArray();
      for (EstimateReport.Reconciliation r : report.reconciliations()) {
        w.beginObject();
        w.name("customerId").value(r.customerId());
        w.name("subscriptionId").value(r.subscriptionId());
        w.name("usageSummaryTotalCost").value(r.summaryTotal());
        w.name("estimateListCost").value(rounded(r.estimateTotal(), currency));
        w.name("difference")
            .value(
                r.summaryTotal() == null || r.estimateTotal() == null || !r.note().isEmpty()
                    ? null
                    : rounded(r.estimateTotal().subtract(r.summaryTotal()), currency));
        w.name("note").value(r.note());
        w.endObject();
      }
      w.endArray();
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8() + "\n";
  }

  private static void totals(JsonWriter w, Totals t, String currency) throws IOException {
    w.beginObject();
    w.name("listCost").value(rounded(t.listCost(), currency));
    w.name("discount").value(rounded(t.discount(), currency));
    w.name("costAfterDiscount").value(rounded(t.costAfterDiscount(), currency));
    w.name("markup").value(rounded(t.markup(), currency));
    w.name("amount").value(rounded(t.amount(), currency));
    w.name("pricedLines").value(t.pricedLines());
    w.name("unpricedLines").value(t.unpricedLines());
    w.endObject();
  }

  private static BigDecimal rounded(BigDecimal amount, String currency) {
    return amount == null ? null : Money.round(amount, currency);
  }
}
