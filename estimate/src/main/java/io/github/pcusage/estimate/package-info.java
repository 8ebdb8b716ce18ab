/**
 * Pricing of Azure utilization records with the Azure rate card, the rule of {@code pcusage
 * estimate} as a library: {@link io.github.pcusage.estimate.RateCardPrices} reads a card, an {@link
 * io.github.pcusage.estimate.Estimator} takes records as they stream and gives {@link
 * io.github.pcusage.estimate.EstimateLine}s (one per customer, subscription, meter and month, with
 * the cost split into list cost, discount and markup, or the reason it has none), {@link
 * io.github.pcusage.estimate.Totals} sums them and {@link io.github.pcusage.estimate.Money} rounds
 * for display. The rule in full: {@link io.github.pcusage.estimate.Estimator#RULE}.
 */
package io.github.pcusage.estimate;
