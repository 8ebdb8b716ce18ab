package io.github.pcusage.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The totals of {@code customers.csv} recomputed a second way: from the records of {@code
 * --keep-records} and the saved {@code rate-card.json}, read as plain JSON (numbers as their text),
 * with this test's own arithmetic of the documented rule (monthly totals per subscription and
 * meter, included quantity, graduated tiers, offer-term discounts, markup, HALF_UP to cents) and
 * none of the {@code estimate} library's code.
 */
class IndependentRecomputationTest {
  @RegisterExtension
  static final SandboxExtension SANDBOX =
      SandboxExtension.builder()
          .seed(7)
          .customers(3)
          .subscriptionsPerCustomer(2)
          .recordsPerSubscription(500)
          .build();

  @TempDir Path tmp;

  @Test
  void customerTotalsEqualARecomputationFromTheRecordsAndTheRateCard() throws Exception {
    Path dir = tmp.resolve("est");
    EstimateCli.Result run =
        EstimateCli.run(
            EstimateCli.estimate(SANDBOX.sandbox(), dir, "--keep-records", "--markup", "7.5%"));
    assertThat(run.code()).as(run.toString()).isZero();

    Map<String, Object> card = object(read(dir.resolve("rate-card.json")));
    Map<String, Map<String, Object>> meters = new HashMap<>();
    for (Object m : list(card.get("meters"))) {
      meters.put(((String) object(m).get("id")).toLowerCase(Locale.ROOT), object(m));
    }
    // customer -> subscription/meter/month -> quantity
    Map<String, Map<String, BigDecimal>> usage = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("records.jsonl"))) {
      Map<String, Object> r = object(read(line));
      Map<String, Object> resource = object(r.get("resource"));
      OffsetDateTime start = OffsetDateTime.parse((String) r.get("usageStartTime"));
      String month = start.withOffsetSameInstant(ZoneOffset.UTC).toString().substring(0, 7);
      String key =
          r.get("subscriptionId")
              + "|"
              + ((String) resource.get("id")).toLowerCase(Locale.ROOT)
              + "|"
              + month;
      usage
          .computeIfAbsent((String) r.get("customerId"), c -> new TreeMap<>())
          .merge(key, (BigDecimal) r.get("quantity"), BigDecimal::add);
    }
    List<String> rows = Files.readAllLines(dir.resolve("customers.csv"));
    assertThat(rows).hasSize(usage.size() + 1);
    BigDecimal markup = new BigDecimal("0.075");
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",");
      BigDecimal list = BigDecimal.ZERO;
      BigDecimal afterDiscount = BigDecimal.ZERO;
      for (Map.Entry<String, BigDecimal> u : usage.get(cells[0]).entrySet()) {
        String[] k = u.getKey().split("\\|");
        Map<String, Object> meter = meters.get(k[1]);
        BigDecimal cost = graduated(meter, u.getValue());
        list = list.add(cost);
        afterDiscount = afterDiscount.add(cost.multiply(discountFactor(card, k[1], k[2])));
      }
      BigDecimal amount = afterDiscount.add(afterDiscount.multiply(markup));
      assertThat(cells[5]).as("list cost of " + cells[0]).isEqualTo(cents(list));
      assertThat(cells[6]).as("discount").isEqualTo(cents(list.subtract(afterDiscount)));
      assertThat(cells[7]).as("cost after discount").isEqualTo(cents(afterDiscount));
      assertThat(cells[9]).as("amount").isEqualTo(cents(amount));
    }
  }

  /** Σ over the tiers of max(0, min(B, next key) − key) × price, B after the included quantity. */
  private static BigDecimal graduated(Map<String, Object> meter, BigDecimal quantity) {
    Object included = meter.get("includedQuantity");
    BigDecimal billable =
        quantity.subtract(included == null ? BigDecimal.ZERO : (BigDecimal) included);
    if (billable.signum() < 0) {
      billable = BigDecimal.ZERO;
    }
    TreeMap<BigDecimal, BigDecimal> tiers = new TreeMap<>();
    object(meter.get("rates")).forEach((k, v) -> tiers.put(new BigDecimal(k), (BigDecimal) v));
    List<BigDecimal> keys = new ArrayList<>(tiers.keySet());
    BigDecimal cost = BigDecimal.ZERO;
    for (int i = 0; i < keys.size(); i++) {
      BigDecimal upper = i + 1 < keys.size() ? keys.get(i + 1).min(billable) : billable;
      BigDecimal slice = upper.subtract(keys.get(i));
      if (slice.signum() > 0) {
        cost = cost.add(slice.multiply(tiers.get(keys.get(i))));
      }
    }
    return cost;
  }

  /** Π (1 − discount) over the terms effective before the month ends that do not exclude it. */
  private static BigDecimal discountFactor(Map<String, Object> card, String meter, String month) {
    OffsetDateTime monthEnd = OffsetDateTime.parse(month + "-01T00:00:00Z").plusMonths(1);
    BigDecimal factor = BigDecimal.ONE;
    Object terms = card.get("offerTerms");
    for (Object t : terms == null ? List.of() : list(terms)) {
      Map<String, Object> term = object(t);
      Object effective = term.get("effectiveDate");
      boolean excluded = false;
      Object ids = term.get("excludedMeterIds");
      for (Object id : ids == null ? List.of() : list(ids)) {
        excluded |= ((String) id).equalsIgnoreCase(meter);
      }
      if (!excluded
          && (effective == null || OffsetDateTime.parse((String) effective).isBefore(monthEnd))) {
        factor = factor.multiply(BigDecimal.ONE.subtract((BigDecimal) term.get("discount")));
      }
    }
    return factor;
  }

  private static String cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  private static Object read(Path file) throws IOException {
    try (JsonReader reader = JsonReader.of(Okio.buffer(Okio.source(file)))) {
      return value(reader);
    }
  }

  private static Object read(String json) throws IOException {
    try (JsonReader reader = JsonReader.of(new okio.Buffer().writeUtf8(json))) {
      return value(reader);
    }
  }

  /** JSON to maps, lists, strings and BigDecimal (from the number's own text). */
  private static Object value(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), value(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> items = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          items.add(value(reader));
        }
        reader.endArray();
        return items;
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        return reader.nextString();
    }
  }
}
