package io.github.pcusage.sandbox;

/**
 * A subscription of a sandbox customer, as {@code GET /v1/customers/{c}/subscriptions} lists it.
 * Strings are the wire values ({@code status}, {@code billingType}, ... are open strings).
 *
 * @param id the subscription id (a GUID string)
 * @param kind what the usage operations do with it
 * @param offerId the offer id: {@code MS-AZR-0145P}, an Azure plan or new-commerce id, or a GUID
 * @param offerName the offer name
 * @param friendlyName the partner's nickname for it
 * @param quantity the quantity (1 for Azure)
 * @param unitType {@code Usage-based} or {@code Licenses}
 * @param status {@code active}, {@code suspended}, or values no document lists ({@code expired},
 *     {@code disabled})
 * @param billingType {@code usage} or {@code license}
 * @param billingCycle {@code monthly}, {@code annual} or {@code none}
 * @param contractType {@code subscription}
 * @param termDuration an ISO-8601 duration ({@code P1M}, {@code P1Y}), or null
 * @param creationDate when it was created, as sent
 * @param effectiveStartDate when it started, as sent
 * @param commitmentEndDate when its commitment ends, as sent
 * @param autoRenewEnabled whether it renews
 * @param entitlementId the Azure subscription GUID of an Azure subscription, else null
 * @param orderId the order it was bought in
 * @param productType the {@code productType.id} of a new-commerce subscription, else null
 */
public record Subscription(
    String id,
    SubscriptionKind kind,
    String offerId,
    String offerName,
    String friendlyName,
    int quantity,
    String unitType,
    String status,
    String billingType,
    String billingCycle,
    String contractType,
    String termDuration,
    String creationDate,
    String effectiveStartDate,
    String commitmentEndDate,
    boolean autoRenewEnabled,
    String entitlementId,
    String orderId,
    String productType) {}
