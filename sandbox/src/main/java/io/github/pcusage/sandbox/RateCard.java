package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's Azure rate card: the catalogue's meters with their {@link PriceTable} prices, less
 * the meters left unpriced on purpose, padded with generated meters up to a total, and one offer
 * term ({@code Overage discount}, 15%) with excluded meters. Rendered as the service sends it, in
 * one currency; the generated meters are drawn from the seed while writing, so a card of 10,000+
 * meters costs no memory beyond its bytes.
 */
final class RateCard {
  /** The discount of the card's one offer term. */
  static final BigDecimal DISCOUNT = new BigDecimal("0.15");

  private static final BigDecimal NONE_INCLUDED = new BigDecimal("0.0");
  private static final String OFFER_TERM_DATE = "2014-01-01T00:00:00"; // no zone, as documented
  private static final String EXCLUDED_CATALOGUE_METER = "E4s v3 Low Priority";

  private static final String[] EFFECTIVE_DATES = new String[120];

  static {
    for (int i = 0; i < EFFECTIVE_DATES.length; i++) {
      String day = String.format("20%02d-%02d-01T00:00:00", 15 + i % 10, 1 + i % 12);
      EFFECTIVE_DATES[i] = i % 4 == 3 ? day : day + "Z";
    }
  }

  private final long seed;
  private final List<Meter> priced;
  private final List<String> unpriced;
  private final int padding;

  /**
   * Builds the card of a data set.
   *
   * @param metersInUse the ids of the catalogue meters the data set's records use
   * @param unpricedMeters how many of those to leave out (at most all of them)
   * @param totalMeters pad with generated meters up to this many meters; 0 or less: no padding
   */
  RateCard(long seed, Set<String> metersInUse, int unpricedMeters, int totalMeters) {
    this.seed = seed;
    List<String> inUse = new ArrayList<>(metersInUse);
    inUse.sort(Comparator.comparingLong(id -> SeededRandom.combine(seed, SeededRandom.hash(id))));
    this.unpriced =
        Collections.unmodifiableList(
            new ArrayList<>(inUse.subList(0, Math.min(unpricedMeters, inUse.size()))));
    List<Meter> meters = new ArrayList<>();
    for (Meter meter : MeterCatalog.METERS) {
      if (!unpriced.contains(meter.id())) {
        meters.add(meter);
      }
    }
    this.priced = Collections.unmodifiableList(meters);
    this.padding = Math.max(0, totalMeters - meters.size());
  }

  /** Returns the ids of the meters in use that the card leaves out. */
  List<String> unpricedMeterIds() {
    return unpriced;
  }

  /** Returns the number of meters the card lists. */
  int meterCount() {
    return priced.size() + padding;
  }

  /**
   * Writes the card.
   *
   * @param fx the factor from the sandbox's EUR prices to {@code currency}
   */
  byte[] render(JsonFactory factory, String currency, BigDecimal fx, String locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048 + 420 * meterCount());
    Set<String> excluded = new LinkedHashSet<>();
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("locale", locale);
      json.writeStringField("currency", currency);
      json.writeBooleanField("isTaxIncluded", false);
      json.writeArrayFieldStart("meters");
      PriceTable prices = PriceTable.standard();
      for (int i = 0; i < priced.size(); i++) {
        Meter m = priced.get(i);
        if (m.name().equals(EXCLUDED_CATALOGUE_METER)) {
          excluded.add(m.id());
        }
        meter(json, m.id(), m.name(), prices.rates(m.id()), fx, List.of(), m.category());
        json.writeStringField("subcategory", m.subcategory());
        json.writeStringField("region", m.region());
        json.writeStringField("unit", m.unit());
        json.writeFieldName("includedQuantity");
        json.writeNumber(prices.includedQuantity(m.id()));
        json.writeStringField("effectiveDate", effectiveDate(i));
        json.writeEndObject();
      }
      PaddingMeters generated = new PaddingMeters(seed);
      for (int i = 0; i < padding; i++) {
        PaddingMeters.Drawn m = generated.draw(i);
        if (i % 50 == 7) {
          excluded.add(m.id());
        }
        meter(json, m.id(), m.name(), m.rates(), fx, m.tags(), m.category());
        json.writeStringField("subcategory", m.subcategory());
        json.writeStringField("region", m.region());
        json.writeStringField("unit", m.unit());
        json.writeFieldName("includedQuantity");
        json.writeNumber(NONE_INCLUDED);
        json.writeStringField("effectiveDate", effectiveDate(i + priced.size()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("offerTerms");
      json.writeStartObject();
      json.writeStringField("name", "Overage discount");
      json.writeFieldName("discount");
      json.writeNumber(DISCOUNT);
      json.writeArrayFieldStart("excludedMeterIds");
      for (String id : excluded) {
        json.writeString(id);
      }
      json.writeEndArray();
      json.writeStringField("effectiveDate", OFFER_TERM_DATE);
      json.writeEndObject();
      json.writeEndArray();
      json.writeObjectFieldStart("links");
      WireWriter.writeLink(json, "self", "/ratecards/azure", null);
      json.writeEndObject();
      WireWriter.writeAttributes(json, "AzureRateCard");
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Starts a meter object and writes its fields up to {@code category}. */
  private static void meter(
      JsonGenerator json,
      String id,
      String name,
      Map<String, BigDecimal> rates,
      BigDecimal fx,
      List<String> tags,
      String category)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("id", id);
    json.writeStringField("name", name);
    json.writeObjectFieldStart("rates");
    for (Map.Entry<String, BigDecimal> rate : rates.entrySet()) {
      json.writeFieldName(rate.getKey());
      json.writeNumber(convert(rate.getValue(), fx));
    }
    json.writeEndObject();
    json.writeArrayFieldStart("tags");
    for (String tag : tags) {
      json.writeString(tag);
    }
    json.writeEndArray();
    json.writeStringField("category", category);
  }

  /** Converts a EUR price: unchanged in EUR, else to 6 fraction digits without trailing zeros. */
  static BigDecimal convert(BigDecimal price, BigDecimal fx) {
    if (fx.compareTo(BigDecimal.ONE) == 0) {
      return price;
    }
    BigDecimal converted =
        price.multiply(fx).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return converted.scale() < 0 ? converted.setScale(0) : converted;
  }

  /** Most dates are zoned ({@code ...Z}); every fourth has no zone, as some documents show. */
  private static String effectiveDate(int index) {
    return EFFECTIVE_DATES[index % EFFECTIVE_DATES.length];
  }
}
