package io.github.pcusage;

import java.util.Locale;
import java.util.Objects;

/**
 * Which Azure rate card to get: its currency, its market and the language of its names. Each is
 * optional; the service's defaults are the partner profile's market and currency, and {@code
 * en-US}. Immutable.
 *
 * <pre>{@code
 * RateCardQuery query = RateCardQuery.builder()
 *     .currency("EUR")
 *     .region("DE")
 *     .locale("de-DE")
 *     .build();
 * }</pre>
 */
public final class RateCardQuery {
  private final String currency;
  private final String region;
  private final String locale;

  private RateCardQuery(Builder builder) {
    this.currency = builder.currency;
    this.region = builder.region;
    this.locale = builder.locale;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with nothing set (the partner profile's card)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the ISO 4217 currency code, in upper case.
   *
   * @return the currency, or {@code null} for the service's default
   */
  public String currency() {
    return currency;
  }

  /**
   * Returns the ISO 3166 two-letter code of the market, in upper case.
   *
   * @return the region, or {@code null} for the service's default
   */
  public String region() {
    return region;
  }

  /**
   * Returns the language of the card's names, sent as {@code X-Locale}.
   *
   * @return the language tag, or {@code null} for the client's locale
   */
  public String locale() {
    return locale;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RateCardQuery)) {
      return false;
    }
    RateCardQuery that = (RateCardQuery) o;
    return Objects.equals(currency, that.currency)
        && Objects.equals(region, that.region)
        && Objects.equals(locale, that.locale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(currency, region, locale);
  }

  @Override
  public String toString() {
    return "RateCardQuery{currency=" + currency + ", region=" + region + ", locale=" + locale + "}";
  }

  /** Builds {@link RateCardQuery} values; validates in {@link #build()}. */
  public static final class Builder {
    private String currency;
    private String region;
    private String locale;

    private Builder() {}

    /**
     * Sets the currency of the prices, as an ISO 4217 code such as {@code EUR}.
     *
     * @param currency three letters, in any case; {@code null} for the service's default
     * @return this builder
     */
    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets the market where the offer is bought, as an ISO 3166 two-letter country code such as
     * {@code DE} (not an Azure region).
     *
     * @param region two letters, in any case; {@code null} for the service's default
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Sets the language of the card's names and categories, sent as {@code X-Locale} for this call
     * instead of the client's locale.
     *
     * @param locale a language tag such as {@code de-DE}; {@code null} for the client's locale
     * @return this builder
     */
    public Builder locale(String locale) {
      this.locale = locale;
      return this;
    }

    /**
     * Returns the query.
     *
     * @return the query
     * @throws IllegalArgumentException naming the field, if the currency is not three letters, the
     *     region not two letters or the locale not a language tag
     */
    public RateCardQuery build() {
      currency = letters("currency", currency, 3, "an ISO 4217 code such as EUR");
      region = letters("region", region, 2, "an ISO 3166 market code such as DE");
      if (locale != null && !locale.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
        throw new IllegalArgumentException(
            "locale '" + Ids.printable(locale) + "' is not a language tag such as de-DE");
      }
      return new RateCardQuery(this);
    }

    private static String letters(String field, String value, int count, String example) {
      if (value == null) {
        return null;
      }
      if (value.length() != count
          || !value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        throw new IllegalArgumentException(
            field + " '" + Ids.printable(value) + "' is not " + count + " letters: use " + example);
      }
      return value.toUpperCase(Locale.ROOT);
    }
  }
}
