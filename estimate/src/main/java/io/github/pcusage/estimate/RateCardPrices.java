package io.github.pcusage.estimate;

import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureOfferTerm;
import io.github.pcusage.model.AzureRateCard;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An Azure rate card read for pricing: its meters by id (compared in any case, as utilization
 * records' {@code resource.id}), each meter's {@link Tiers}, and its offer terms. Reading the card
 * checks it: a card this class accepts prices every meter it lists.
 *
 * <p>Immutable and thread-safe.
 */
public final class RateCardPrices {
  private final String currency;
  private final Map<String, AzureMeter> meters;
  private final Map<String, Tiers> tiers;
  private final List<Term> terms;

  private RateCardPrices(
      String currency, Map<String, AzureMeter> meters, Map<String, Tiers> tiers, List<Term> terms) {
    this.currency = currency;
    this.meters = meters;
    this.tiers = tiers;
    this.terms = terms;
  }

  /**
   * Reads {@code card}.
   *
   * @param card a rate card, as {@code PartnerCenterClient.azureRateCard()} returns it
   * @return the prices
   * @throws IllegalArgumentException if the card has no three-letter currency, a meter without id,
   *     two meters with one id, a meter whose {@code rates} {@link Tiers#of} refuses (the message
   *     names the meter), or an offer term whose discount is not between 0 and 1
   */
  public static RateCardPrices of(AzureRateCard card) {
    Objects.requireNonNull(card, "card == null");
    String currency = card.getCurrency();
    if (currency == null || !currency.trim().matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException(
          "the rate card's currency is " + currency + ": need a three-letter ISO 4217 code");
    }
    Map<String, AzureMeter> meters = new HashMap<>();
    Map<String, Tiers> tiers = new HashMap<>();
    List<AzureMeter> listed = card.getMeters() == null ? List.of() : card.getMeters();
    for (AzureMeter meter : listed) {
      if (meter == null || meter.getId() == null || meter.getId().isBlank()) {
        throw new IllegalArgumentException("the rate card lists a meter without an id");
      }
      String key = key(meter.getId());
      if (meters.put(key, meter) != null) {
        throw new IllegalArgumentException("the rate card lists meter " + meter.getId() + " twice");
      }
      if (meter.getRates() != null && !meter.getRates().isEmpty()) {
        try {
          tiers.put(key, Tiers.of(meter.getRates()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("meter " + meter.getId() + ": " + e.getMessage(), e);
        }
      }
    }
    List<Term> terms = new ArrayList<>();
    if (card.getOfferTerms() != null) {
      for (AzureOfferTerm term : card.getOfferTerms()) {
        if (term != null && term.getDiscount() != null && term.getDiscount().signum() != 0) {
          terms.add(new Term(term));
        }
      }
    }
    return new RateCardPrices(
        currency.trim().toUpperCase(Locale.ROOT),
        Collections.unmodifiableMap(meters),
        Collections.unmodifiableMap(tiers),
        List.copyOf(terms));
  }

  static String key(String meterId) {
    return meterId.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the currency of every price of the card.
   *
   * @return an ISO 4217 code in capitals, for example {@code EUR}
   */
  public String currency() {
    return currency;
  }

  /**
   * Returns the meter with this id, compared in any case.
   *
   * @param meterId a meter id, as a utilization record's {@code resource.id}
   * @return the meter, or empty when the card does not list it
   */
  public Optional<AzureMeter> meter(String meterId) {
    return meterId == null ? Optional.empty() : Optional.ofNullable(meters.get(key(meterId)));
  }

  /**
   * Returns the tiers of a meter the card lists with rates.
   *
   * @param meterId a meter id, compared in any case
   * @return the tiers, or empty when the meter is not listed or has no rates
   */
  public Optional<Tiers> tiers(String meterId) {
    return meterId == null ? Optional.empty() : Optional.ofNullable(tiers.get(key(meterId)));
  }

  /**
   * Returns the factor left after the offer terms' discounts on a meter's cost for a month: the
   * product of {@code (1 − discount)} over every term with a non-zero discount that is in effect in
   * that month (its {@code effectiveDate} is absent or before the month ends, in UTC) and does not
   * exclude the meter. 1 when no term applies.
   *
   * @param meterId a meter id, compared in any case
   * @param month the UTC calendar month of the usage
   * @return a factor between 0 and 1
   */
  public BigDecimal afterDiscountFactor(String meterId, YearMonth month) {
    OffsetDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    BigDecimal factor = BigDecimal.ONE;
    for (Term term : terms) {
      if (term.appliesTo(meterId, monthEnd)) {
        factor = factor.multiply(BigDecimal.ONE.subtract(term.discount));
      }
    }
    return factor;
  }

  /**
   * Returns how many meters the card lists.
   *
   * @return the number of meters
   */
  public int meterCount() {
    return meters.size();
  }

  @Override
  public String toString() {
    return "RateCardPrices{"
        + currency
        + ", "
        + meters.size()
        + " meters, "
        + terms.size()
        + " terms}";
  }

  /** An offer term with a discount, checked. */
  private static final class Term {
    final BigDecimal discount;
    final OffsetDateTime effective;
    final Set<String> excluded = new HashSet<>();

    Term(AzureOfferTerm term) {
      this.discount = term.getDiscount();
      if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException(
            "offer term "
                + term.getName()
                + " has discount "
                + discount.toPlainString()
                + ": need a fraction from 0 to 1");
      }
      this.effective = term.getEffectiveDate();
      if (term.getExcludedMeterIds() != null) {
        for (String id : term.getExcludedMeterIds()) {
          if (id != null) {
            excluded.add(key(id));
          }
        }
      }
    }

    boolean appliesTo(String meterId, OffsetDateTime monthEnd) {
      return (effective == null || effective.isBefore(monthEnd))
          && !excluded.contains(key(meterId));
    }
  }
}
