package io.github.pcusage.sandbox;

/**
 * The kinds of subscription each sandbox customer has, and what the usage operations do with them.
 */
public enum SubscriptionKind {
  /**
   * A legacy CSP Azure subscription (offer {@code MS-AZR-0145P}): the ids of {@link
   * Dataset#subscriptionIds}, with utilization records and a usage summary.
   */
  LEGACY_AZURE,
  /**
   * An Azure plan ({@code DZH318Z0BPS6:0001:DZH318Z0BML6}): utilization answers 404 as the service
   * does; the usage summary is an Azure plan one ({@code currencyCode}, {@code usdTotalCost}).
   */
  AZURE_PLAN,
  /** A legacy licence subscription (a bare GUID offer): both usage operations answer 400 800011. */
  LICENCE,
  /** A new-commerce licence ({@code PRODUCT:SKU:AVAILABILITY} offer): 400 800011 as a licence. */
  NEW_COMMERCE
}
