package io.github.pcusage.contract;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslResponse;

/**
 * The paths, provider states and shapes of the operations that find and price what the usage
 * operations read: the customer listing, a customer's subscriptions and the Azure rate card (issue
 * 15). The states are set up by {@link DiscoveryProviderStates}.
 */
final class DiscoveryContracts {
  static final String CUSTOMERS_PATH = "/v1/customers";
  static final String RATE_CARD_PATH = "/v1/ratecards/azure";

  /** The example customer of the consumer side; the provider state swaps in a sandbox customer. */
  static final String EXAMPLE_CUSTOMER = "0d7a3b55-1c1e-4a7f-9c34-6f1b2a9e7c01";

  /** A customer id the partner has no relationship with. */
  static final String UNKNOWN_CUSTOMER = "00000000-0000-0000-0000-0000000000aa";

  static final String SUBSCRIPTIONS_PATH = "/v1/customers/" + Contracts.CUSTOMER + "/subscriptions";

  /** The continuation header's name, pinned in {@code links.next.headers} and in the request. */
  static final String CONTINUATION_HEADER = "MS-ContinuationToken";

  /** The spec's customer page {@code size}, 1 to 500, exactly. */
  static final String CUSTOMER_SIZE = "[1-9][0-9]?|[1-4][0-9]{2}|500";

  /** An opaque customer continuation token as the service writes them: '+', '/', '=' and '#'. */
  static final String EXAMPLE_CUSTOMER_TOKEN =
      "+RID:~YzF8fHwxfDF8NTMwYTBlOTA3NDBiZTMzNQ==#RT:2#TRC:1#ISV:2#IEO:65567";

  /** A date-time with an offset, or without one (read as UTC), as the rate card sends them. */
  static final String LENIENT_DATE_TIME =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})?";

  /** A rate card tier key: the tier's lower bound as a decimal string ("0", "51200.0000000000"). */
  static final String TIER_KEY = "\\d+(\\.\\d+)?";

  // Provider states (parameterised by "status" for the failures).
  static final String TWO_CUSTOMERS = "the partner has 2 customers";
  static final String NAMED_CUSTOMERS = "the partner has customers whose names share a prefix";
  static final String CUSTOMER_LIST_FAILS = "the customer listing fails";
  static final String FOUR_KINDS =
      "customer K has Azure, Azure plan, licence and NCE subscriptions";
  static final String NO_SUCH_CUSTOMER = "customer K does not exist";
  static final String SUBSCRIPTION_LIST_FAILS = "the subscription listing of customer C fails";
  static final String RATE_CARD = "the partner may read the Azure rate card";
  static final String RATE_CARD_FAILS = "the rate card fails";

  /** A tracking id the failures answer with, checked on the SDK's exceptions. */
  static final String REQUEST_ID = "2c4b8d6e-1f3a-4e5b-9c7d-8a0b1c2d3e4f";

  private DiscoveryContracts() {}

  /** Adds what every answer of these operations carries: JSON. */
  static PactDslResponse json(PactDslResponse response) {
    return response.matchHeader(
        "Content-Type", "application/json.*", "application/json; charset=utf-8");
  }

  /**
   * The body of a failure: a Partner Center error with {@code code} a number, a string, or (for a
   * {@code 403} of the customer listing and any {@code 503}, where no code is documented) none.
   */
  static DslPart error(Object code, String description) {
    return LambdaDsl.newJsonBody(
            e -> {
              if (code instanceof Integer) {
                e.integerType("code", (Integer) code);
              } else if (code instanceof String) {
                e.stringType("code", (String) code);
              }
              e.stringType("description", description);
              e.array("data", data -> {});
              e.stringType("source", "PartnerFD");
            })
        .build();
  }

  /** A failure as the spec declares it for each status of these operations. */
  record Failure(int status, Object code, String description) {
    boolean retryAfter() {
      return status == 429;
    }

    DslPart body() {
      return status == 429 ? Contracts.throttled() : error(code, description);
    }
  }
}
