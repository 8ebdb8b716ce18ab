package io.github.pcusage.contract;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import java.math.BigDecimal;
import java.nio.file.Path;

/** The names, ids, provider states and shapes shared by the consumer and provider tests. */
final class Contracts {
  static final String CONSUMER = "partner-center-usage-java";
  static final String PROVIDER = "partner-center-usage-api";

  static final String CUSTOMER = "contract-customer";
  static final String SUBSCRIPTION = "contract-subscription";
  static final String TOKEN = "contract-test-token";
  static final int PAGE_SIZE = 2;

  /** The page size of the hourly interaction: one day of hourly records fits on one page. */
  static final int HOURLY_PAGE_SIZE = 24;

  static final String UTILIZATION_PATH =
      "/v1/customers/" + CUSTOMER + "/subscriptions/" + SUBSCRIPTION + "/utilizations/azure";
  static final String SUMMARY_PATH =
      "/v1/customers/" + CUSTOMER + "/subscriptions/" + SUBSCRIPTION + "/usagesummary";

  // Provider states: each names the situation, not the test.
  static final String TWO_PAGES = "customer C has 2 pages of daily usage";
  static final String ONE_PAGE_HOURLY = "customer C has 1 page of hourly usage";
  static final String ONE_PAGE_AGGREGATED =
      "customer C has 1 page of usage aggregated per resource";
  static final String NOT_READY = "usage data is not ready yet";
  static final String BAD_REQUEST = "the service refuses the request as invalid";
  static final String UNAUTHORIZED = "the access token is not accepted";
  static final String FORBIDDEN = "the partner may not read this customer's usage";
  static final String NOT_FOUND = "subscription S does not exist";
  static final String THROTTLED = "the partner is throttled";
  static final String SERVER_ERROR = "the service fails unexpectedly";
  static final String LEGACY_SUMMARY = "subscription S is a legacy subscription with usage";
  static final String AZURE_PLAN_SUMMARY =
      "subscription S is an Azure plan subscription with usage";

  static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
  static final String DATE_TIME =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})";
  static final String START = "2026-10-01T00:00:00Z";
  static final String END = "2026-11-01T00:00:00Z";
  static final String EXAMPLE_TOKEN =
      "/opaque/usage-records?customer=contract-customer&offset=2&continuation_token=eyJvIjoyfQ+a%3a%3d%3d";
  static final BigDecimal EXAMPLE_QUANTITY = new BigDecimal("0.027483999999999993");

  /** The spec's {@code size}, 1 to 1000, exactly. */
  static final String SIZE = "[1-9][0-9]{0,2}|1000";

  /** The continuation header's name in {@code links.next.headers}, as the SDK reads it. */
  static final String CONTINUATION_HEADER = "MS-ContinuationToken";

  /** The example records of a page of daily usage. */
  static final Listing DAILY =
      new Listing(
          "2026-10-01T00:00:00-07:00",
          "2026-10-02T00:00:00.1234567-07:00",
          EXAMPLE_QUANTITY,
          "Storage",
          "Standard IO - Block Blob",
          true);

  /** The example records of a page of hourly usage: one-hour periods, a smaller quantity. */
  static final Listing HOURLY =
      new Listing(
          "2026-10-01T13:00:00-07:00",
          "2026-10-01T14:00:00-07:00",
          new BigDecimal("0.001145166666666666"),
          "Storage",
          "Standard IO - Block Blob",
          true);

  /** The example records of a page aggregated per resource: no instanceData, a summed quantity. */
  static final Listing PER_RESOURCE =
      new Listing(
          "2026-10-03T00:00:00+00:00",
          "2026-10-04T00:00:00+00:00",
          new BigDecimal("48.000000000000000001"),
          "Virtual Machines",
          "D2s v3",
          false);

  private Contracts() {}

  static Path pactDirectory() {
    return Path.of(System.getProperty("pact.rootDir", "target/pacts"));
  }

  /**
   * The example values of the records of one kind of page.
   *
   * @param usageStart the example {@code usageStartTime}
   * @param usageEnd the example {@code usageEndTime}
   * @param quantity the example quantity
   * @param category the example resource category
   * @param name the example resource name
   * @param details whether the records carry {@code instanceData} ({@code show_details=true})
   */
  record Listing(
      String usageStart,
      String usageEnd,
      BigDecimal quantity,
      String category,
      String name,
      boolean details) {}

  /** The tracking headers every answer echoes, present and shaped as the SDK sends them. */
  static PactDslResponse trackingHeaders(PactDslResponse response) {
    return response
        .matchHeader("MS-RequestId", UUID, "0f8fad5b-d9cb-469f-a165-70867728950e")
        .matchHeader("MS-CorrelationId", UUID, "7c9e6679-7425-40de-944b-e07fc1f90ae7");
  }

  /** The headers every request of the SDK carries, matched by shape. */
  static PactDslRequestWithPath trackingHeaders(PactDslRequestWithPath request) {
    return request
        .matchHeader("Authorization", "Bearer \\S+", "Bearer " + TOKEN)
        .matchHeader("Accept", "application/json", "application/json")
        .matchHeader("MS-RequestId", UUID, "0f8fad5b-d9cb-469f-a165-70867728950e")
        .matchHeader("MS-CorrelationId", UUID, "7c9e6679-7425-40de-944b-e07fc1f90ae7")
        .matchHeader("MS-Contract-Version", "v1", "v1");
  }

  /**
   * A page of utilization records with the example values of {@code listing}; {@code withNext} adds
   * links.next with a continuation token.
   */
  static DslPart page(Listing listing, boolean withNext) {
    return LambdaDsl.newJsonBody(
            page -> {
              page.integerType("totalCount", PAGE_SIZE);
              page.minArrayLike(
                  "items",
                  1,
                  PAGE_SIZE,
                  item -> {
                    item.stringMatcher("usageStartTime", DATE_TIME, listing.usageStart());
                    item.stringMatcher("usageEndTime", DATE_TIME, listing.usageEnd());
                    item.object(
                        "resource",
                        resource -> {
                          resource.stringType("id", "3b1c0d52-8a5d-4c55-9d41-1e1c6b0f7a10");
                          resource.stringType("name", listing.name());
                          resource.stringType("category", listing.category());
                          resource.stringType("subcategory", "Locally Redundant");
                          resource.stringType("region", "West Europe");
                        });
                    item.numberType("quantity", listing.quantity());
                    item.stringType("unit", "1 GB/Month");
                    item.object("infoFields", info -> {});
                    if (listing.details()) {
                      item.object(
                          "instanceData",
                          instance -> {
                            instance.stringType(
                                "resourceUri",
                                "/subscriptions/contract-subscription/resourceGroups/rg/providers/"
                                    + "Microsoft.Storage/storageAccounts/acct");
                            instance.stringType("location", "westeurope");
                            instance.stringType("partNumber", "");
                            instance.stringType("orderNumber", "");
                          });
                    }
                    // Inside an array-like the type rule cascades: a regex keeps the value pinned.
                    item.object(
                        "attributes",
                        a ->
                            a.stringMatcher(
                                "objectType", "AzureUtilizationRecord", "AzureUtilizationRecord"));
                  });
              page.object(
                  "links",
                  links -> {
                    if (withNext) {
                      links.object(
                          "next",
                          next -> {
                            next.stringMatcher(
                                "uri",
                                "/?(v1/)?customers/[^/]+/subscriptions/[^/]+/utilizations/azure\\?seek_operation=Next",
                                "customers/"
                                    + CUSTOMER
                                    + "/subscriptions/"
                                    + SUBSCRIPTION
                                    + "/utilizations/azure?seek_operation=Next");
                            next.stringValue("method", "GET");
                            next.minArrayLike(
                                "headers",
                                1,
                                1,
                                header -> {
                                  // A regex, not a value: the array's type rule would swallow it.
                                  header.stringMatcher(
                                      "key", "(?i)" + CONTINUATION_HEADER, CONTINUATION_HEADER);
                                  header.stringType("value", EXAMPLE_TOKEN);
                                });
                          });
                    }
                  });
              page.object("attributes", a -> a.stringValue("objectType", "Collection"));
            })
        .build();
  }

  /** The Partner Center error body, {@code code} a number as the service sends it. */
  static DslPart error(int code, String description) {
    return LambdaDsl.newJsonBody(
            e -> {
              e.integerType("code", code);
              e.stringType("description", description);
              e.array("data", data -> {});
              e.stringType("source", "PartnerFD");
            })
        .build();
  }

  /**
   * The Partner Center error body with {@code code} a string, as a 401 for a token with the wrong
   * audience sends it ({@code "900420"}).
   */
  static DslPart error(String code, String description) {
    return LambdaDsl.newJsonBody(
            e -> {
              e.stringType("code", code);
              e.stringType("description", description);
              e.array("data", data -> {});
              e.stringType("source", "PartnerFD");
            })
        .build();
  }

  /** The body of a 429. */
  static DslPart throttled() {
    return LambdaDsl.newJsonBody(
            e -> {
              e.integerType("statusCode", 429);
              e.stringType("message", "Rate limit is exceeded. Try again in 1 seconds.");
            })
        .build();
  }
}
