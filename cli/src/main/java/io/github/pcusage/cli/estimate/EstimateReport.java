package io.github.pcusage.cli.estimate;

import io.github.pcusage.estimate.EstimateLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the outputs of one estimate show ({@code lines.csv}, {@code customers.csv}, {@code
 * estimate.json}, {@code report.html}): the window, the rate card's particulars, the priced lines,
 * the customers' names, the subscriptions left out and the reconciliations with usage summaries.
 * Holds no wall-clock time, so that a resumed run writes the same bytes.
 *
 * @param start the first day of the window (UTC midnight)
 * @param end the day after the window (exclusive, UTC midnight)
 * @param card the rate card's currency, locale and effective dates
 * @param markupPercent the markup in percent (0 for none)
 * @param lines the priced and unpriced lines, in {@code Estimator.lines()} order
 * @param customerNames customer id to company name (absent when unknown)
 * @param skipped the subscriptions the utilization endpoint does not serve, and why
 * @param reconciliations usage summaries set against the estimate, where they could be
 */
public record EstimateReport(
    LocalDate start,
    LocalDate end,
    CardInfo card,
    BigDecimal markupPercent,
    List<EstimateLine> lines,
    Map<String, String> customerNames,
    List<Skipped> skipped,
    List<Reconciliation> reconciliations) {

  /** Checks and copies. */
  public EstimateReport {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(markupPercent, "markupPercent");
    lines = List.copyOf(lines);
    customerNames = Map.copyOf(customerNames);
    skipped = List.copyOf(skipped);
    reconciliations = List.copyOf(reconciliations);
  }

  /**
   * Returns a customer's name, or its id when the name is unknown.
   *
   * @param customerId the id
   * @return the name to show
   */
  public String customerName(String customerId) {
    return customerNames.getOrDefault(customerId, customerId);
  }

  /**
   * The rate card's particulars.
   *
   * @param currency the ISO 4217 code of every price
   * @param locale the card's locale, for example en-US (empty when absent)
   * @param meters how many meters the card lists
   * @param earliestEffective the earliest meter effectiveDate, ISO-8601 (empty when none)
   * @param latestEffective the latest meter effectiveDate, ISO-8601 (empty when none)
   */
  public record CardInfo(
      String currency,
      String locale,
      int meters,
      String earliestEffective,
      String latestEffective) {}

  /**
   * A subscription left out of the estimate.
   *
   * @param customerId the customer id
   * @param subscriptionId the subscription id
   * @param offerName the subscription's offer name (empty when absent)
   * @param kind why: the {@code SubscriptionKind} name (AZURE_PLAN, LICENCE, NEW_COMMERCE,
   *     INACTIVE)
   */
  public record Skipped(String customerId, String subscriptionId, String offerName, String kind) {}

  /**
   * A subscription's usage summary set against its estimate.
   *
   * @param customerId the customer id
   * @param subscriptionId the subscription id
   * @param summaryTotal the usage summary's totalCost (null when skipped)
   * @param estimateTotal the estimate's list cost for the subscription (null when skipped)
   * @param note why it was skipped, or empty (for example "usage summary needs an app+user token")
   */
  public record Reconciliation(
      String customerId,
      String subscriptionId,
      BigDecimal summaryTotal,
      BigDecimal estimateTotal,
      String note) {}
}
