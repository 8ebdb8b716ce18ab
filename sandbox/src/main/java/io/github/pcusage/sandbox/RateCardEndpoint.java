package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/ratecards/azure}: the {@link RateCard} in the requested {@code currency} (default
 * the partner's, EUR) for a {@code region} (a two-letter market, default DE, which does not change
 * prices) and {@code X-Locale} (default {@code en-US}, echoed as {@code locale}; names are not
 * translated). An unsupported currency or region, or a malformed locale, is a 400 (800002). Answers
 * wait the configured rate-card latency; rendered cards are cached.
 */
final class RateCardEndpoint {
  /** The factor from EUR to each supported currency. */
  static final Map<String, BigDecimal> CURRENCIES =
      Map.ofEntries(
          Map.entry("EUR", BigDecimal.ONE),
          Map.entry("USD", PriceTable.EUR_TO_USD),
          Map.entry("GBP", new BigDecimal("0.8571")),
          Map.entry("CHF", new BigDecimal("0.9412")),
          Map.entry("DKK", new BigDecimal("7.4598")),
          Map.entry("SEK", new BigDecimal("11.2")),
          Map.entry("NOK", new BigDecimal("11.6")),
          Map.entry("JPY", new BigDecimal("162.3")),
          Map.entry("KRW", new BigDecimal("1452")),
          Map.entry("AUD", new BigDecimal("1.64")),
          Map.entry("CAD", new BigDecimal("1.47")),
          Map.entry("INR", new BigDecimal("90.2")),
          Map.entry("BRL", new BigDecimal("5.9")));

  /** The supported markets (ISO 3166 two-letter codes). */
  static final Set<String> REGIONS =
      Set.of(
          "DE", "FR", "NL", "GB", "US", "JP", "KR", "IT", "ES", "AT", "BE", "IE", "DK", "SE", "NO",
          "CH", "AU", "CA", "IN", "BR", "FI", "PL", "PT");

  /** The partner's market, used when the request names none. */
  static final String DEFAULT_REGION = "DE";

  private static final long CACHE_BYTES = 256L << 20;

  private final RateCard card;
  private final Scenarios scenarios;
  private final WireWriter writer;
  private final Replies replies;
  private final Duration latency;
  private final BoundedCache<CardKey, byte[]> cache =
      new BoundedCache<>(CACHE_BYTES, bytes -> bytes.length);

  RateCardEndpoint(
      RateCard card, Scenarios scenarios, WireWriter writer, Replies replies, Duration latency) {
    this.card = card;
    this.scenarios = scenarios;
    this.writer = writer;
    this.replies = replies;
    this.latency = latency;
  }

  Reply handle(ApiRequest request, String localeHeader) {
    PairState state = scenarios.rateCard();
    if (state != null && PairState.take(state.failing)) {
      return replies.operationFailure(state.failStatus, state.retryAfterDate, true);
    }
    String currency = request.query.get("currency");
    currency = currency == null ? PriceTable.CURRENCY : currency.trim().toUpperCase(Locale.ROOT);
    if (!CURRENCIES.containsKey(currency)) {
      return replies.error(
          ApiError.invalidInput(
              "The currency '" + request.query.get("currency") + "' is not supported."));
    }
    String region = request.query.get("region");
    region = region == null ? DEFAULT_REGION : region.trim().toUpperCase(Locale.ROOT);
    if (!REGIONS.contains(region)) {
      return replies.error(
          ApiError.invalidInput(
              "The region '" + request.query.get("region") + "' is not a supported market."));
    }
    String locale = localeHeader == null || localeHeader.isBlank() ? "en-US" : localeHeader.trim();
    if (!locale.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?")) {
      return replies.error(ApiError.invalidInput("The X-Locale header is not a locale."));
    }
    SandboxHandler.pause(latency);
    String chosen = currency;
    byte[] body =
        cache.get(
            new CardKey(chosen, locale),
            key -> card.render(writer.factory(), key.currency(), CURRENCIES.get(chosen), locale));
    return Reply.ok(body);
  }

  /** What a rendered card depends on (the region changes no price). */
  private record CardKey(String currency, String locale) {}
}
