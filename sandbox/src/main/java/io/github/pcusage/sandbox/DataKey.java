package io.github.pcusage.sandbox;

/**
 * Identifies the records of one subscription: the pair of ids and how many daily records it has.
 *
 * @param customerId the customer id from the request path
 * @param subscriptionId the subscription id from the request path
 * @param count the number of daily records
 */
record DataKey(String customerId, String subscriptionId, int count) {}
