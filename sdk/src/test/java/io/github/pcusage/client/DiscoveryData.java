package io.github.pcusage.client;

import io.github.pcusage.model.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the customer, subscription and rate card tests send, shaped like the real service (see
 * shared/partner-center-discovery-and-prices.md): customers, seek pages with a top-level {@code
 * continuationToken} and a next link carrying the same token, subscriptions, meters.
 */
final class DiscoveryData {
  static final String CUSTOMERS_PATH = "/v1/customers";

  /** The next link as seen in 2021 (PS#379): with /v1/, seekOperation in camel case. */
  static final String NEXT_URI = "/v1/customers?size=500&seekOperation=Next";

  private DiscoveryData() {}

  /** A customer whose id (and tenant id) is {@code id}, with extra fields the SDK does not know. */
  static String customer(String id) {
    return "{\"id\":\""
        + id
        + "\",\"commerceId\":\"c-"
        + id
        + "\",\"companyProfile\":{\"tenantId\":\""
        + id
        + "\",\"domain\":\""
        + id
        + ".onmicrosoft.com\",\"companyName\":\"Company "
        + id
        + "\",\"attributes\":{\"objectType\":\"CustomerCompanyProfile\"}},"
        + "\"relationshipToPartner\":\"reseller\","
        + "\"links\":{\"self\":{\"uri\":\"/customers/"
        + id
        + "\",\"method\":\"GET\",\"headers\":[]}},"
        + "\"attributes\":{\"objectType\":\"Customer\"}}";
  }

  /**
   * A page of customers {@code ids}; unless {@code token} is null, a next link with {@code uri} and
   * that token (in its header and at the top level).
   */
  static String customersPage(String uri, String token, String... ids) {
    String items =
        List.of(ids).stream().map(DiscoveryData::customer).collect(Collectors.joining(","));
    String next =
        token == null ? "" : ",\"next\":" + TestData.next(uri, "MS-ContinuationToken", token);
    return "{\"totalCount\":"
        + ids.length
        + ",\"items\":["
        + items
        + "],"
        + (token == null ? "" : "\"continuationToken\":\"" + TestData.escape(token) + "\",")
        + "\"links\":{\"self\":{\"uri\":\"/v1/customers?size=500\",\"method\":\"GET\",\"headers\":[]}"
        + next
        + "},\"attributes\":{\"objectType\":\"Collection\"}}";
  }

  /** Customer ids {@code prefix0 .. prefix(n-1)}. */
  static String[] customerIds(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).toArray(String[]::new);
  }

  static List<String> idsOf(Iterable<Customer> customers) {
    List<String> ids = new ArrayList<>();
    customers.forEach(c -> ids.add(c.getId()));
    return ids;
  }

  /** A subscription with this id, offer and status, and fields the SDK does not know. */
  static String subscription(String id, String offerId, String status) {
    return "{\"id\":\""
        + id
        + "\",\"offerId\":\""
        + offerId
        + "\",\"offerName\":\"An offer\",\"quantity\":1,\"unitType\":\"Usage-based\","
        + "\"creationDate\":\"2019-03-04T10:11:12.123Z\",\"effectiveStartDate\":\"2019-03-04T00:00:00\","
        + "\"commitmentEndDate\":\"9999-12-10T00:00:00Z\",\"status\":\""
        + status
        + "\",\"autoRenewEnabled\":false,\"billingType\":\"usage\",\"billingCycle\":\"fortnightly\","
        + "\"contractType\":\"subscription\",\"refundOptions\":[{\"type\":\"Full\"}],"
        + "\"attentionNeeded\":false,\"consumptionType\":\"AzureConsumption\","
        + "\"attributes\":{\"etag\":\"e1\",\"objectType\":\"Subscription\"}}";
  }

  /** A subscription collection of {@code itemsJson}; {@code nextJson} may be null. */
  static String subscriptions(String nextJson, String... itemsJson) {
    return "{\"totalCount\":"
        + itemsJson.length
        + ",\"items\":["
        + String.join(",", itemsJson)
        + "],\"links\":{\"self\":{\"uri\":\"/customers/C/subscriptions\",\"method\":\"GET\","
        + "\"headers\":[]}"
        + (nextJson == null ? "" : ",\"next\":" + nextJson)
        + "},\"attributes\":{\"objectType\":\"Collection\"}}";
  }
}
