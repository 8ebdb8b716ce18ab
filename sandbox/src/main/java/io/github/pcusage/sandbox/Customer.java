package io.github.pcusage.sandbox;

/**
 * A customer of the sandbox's data set, as {@code GET /v1/customers} lists it.
 *
 * @param id the customer id (a GUID string), also its {@code companyProfile.tenantId}
 * @param companyName the company's display name, e.g. {@code Fabrikam Toys}
 * @param domain the default {@code *.onmicrosoft.com} domain
 * @param commerceId the commerce id, or null when the listing leaves it out (as some do)
 * @param relationshipToPartner the relationship, {@code reseller} for every customer
 */
public record Customer(
    String id,
    String companyName,
    String domain,
    String commerceId,
    String relationshipToPartner) {}
