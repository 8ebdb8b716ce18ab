package io.github.pcusage.sandbox;

import java.math.BigDecimal;

/**
 * The content of one {@code SubscriptionUsageSummary} answer.
 *
 * @param resourceId the subscription id
 * @param resourceName the subscription name
 * @param legacy whether the subscription is a legacy one: it then repeats {@code id}/{@code name}
 *     and sends {@code currencyLocale}; otherwise it sends {@code currencyCode} and {@code
 *     usdTotalCost}
 * @param billingStartDate the start of the billing period, as sent
 * @param billingEndDate the end of the billing period, as sent
 * @param totalCost the total cost, {@link PriceTable#MONEY_SCALE} fractional digits
 * @param currency the currency locale (legacy) or the ISO 4217 code (Azure plan)
 * @param usdTotalCost the cost in US dollars, or null for a legacy subscription
 * @param lastModifiedDate when the summary last changed, as sent
 * @param selfUri the {@code links.self.uri}
 */
record UsageSummary(
    String resourceId,
    String resourceName,
    boolean legacy,
    String billingStartDate,
    String billingEndDate,
    BigDecimal totalCost,
    String currency,
    BigDecimal usdTotalCost,
    String lastModifiedDate,
    String selfUri) {}
