package io.github.pcusage.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Plain classes with the same field types as the SDK's rate card models ({@code BigDecimal} prices,
 * {@code Map<String, BigDecimal>} rates, {@code OffsetDateTime} dates, strings), for the Jackson
 * databind baseline of {@link RateCardDecodeBenchmark}. Configured as {@link JacksonModels}, plus
 * what the card needs: a date-time without a zone ({@code 2014-01-01T00:00:00}) is read as UTC, as
 * the SDK reads it, with the JDK's own parsers and no exception on the way.
 */
final class JacksonRateCard {
  private JacksonRateCard() {}

  /** The reader of the Jackson baseline: as {@link JacksonModels#collectionReader()}, zone-less. */
  static ObjectReader reader() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(
                new SimpleModule().addDeserializer(OffsetDateTime.class, new LenientDateTime()))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return mapper.readerFor(Card.class);
  }

  /** The card. */
  public static final class Card {
    public String locale;
    public String currency;
    public Boolean isTaxIncluded;
    public List<Meter> meters;
    public List<OfferTerm> offerTerms;
    public JacksonModels.Links links;
    public JacksonModels.Attributes attributes;
  }

  /** One meter. */
  public static final class Meter {
    public String id;
    public String name;
    public Map<String, BigDecimal> rates;
    public List<String> tags;
    public String category;
    public String subcategory;
    public String region;
    public String unit;
    public BigDecimal includedQuantity;
    public OffsetDateTime effectiveDate;
  }

  /** One offer term. */
  public static final class OfferTerm {
    public String name;
    public BigDecimal discount;
    public List<String> excludedMeterIds;
    public OffsetDateTime effectiveDate;
  }

  /** ISO-8601 with an offset ({@code Z}, {@code +hh:mm}) kept, or without one read as UTC. */
  static final class LenientDateTime extends JsonDeserializer<OffsetDateTime> {
    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      return hasOffset(text)
          ? OffsetDateTime.parse(text)
          : LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    }

    private static boolean hasOffset(String text) {
      int time = text.indexOf('T');
      char last = text.charAt(text.length() - 1);
      return last == 'Z'
          || last == 'z'
          || (time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0));
    }
  }
}
