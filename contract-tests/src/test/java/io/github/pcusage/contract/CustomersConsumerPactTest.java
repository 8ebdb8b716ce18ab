package io.github.pcusage.contract;

import static io.github.pcusage.contract.Contracts.CONSUMER;
import static io.github.pcusage.contract.DiscoveryContracts.CONTINUATION_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.pcusage.BadRequestException;
import io.github.pcusage.CustomerQuery;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.ServerException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.model.Customer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK expects of {@code GET /v1/customers}: seek-paged pages and their failures. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = Contracts.PROVIDER,
    pactVersion = PactSpecVersion.V4,
    hostInterface = "127.0.0.1")
class CustomersConsumerPactTest {
  private static final String FILTER =
      "{\"Field\":\"CompanyName\",\"Value\":\"Fabrikam\",\"Operator\":\"starts_with\"}";

  private static PactDslRequestWithPath firstPage(
      PactDslWithProvider builder,
      String state,
      Map<String, Object> params,
      String what,
      int size) {
    return Contracts.trackingHeaders(
        builder
            .given(state, params)
            .uponReceiving(what)
            .method("GET")
            .path(DiscoveryContracts.CUSTOMERS_PATH)
            .matchQuery("size", DiscoveryContracts.CUSTOMER_SIZE, Integer.toString(size)));
  }

  private static PactDslResponse ok(PactDslRequestWithPath request) {
    return DiscoveryContracts.json(request.willRespondWith().status(200));
  }

  /** A page of {@code count} customers at most; {@code withNext} adds the seek link and token. */
  static DslPart page(int count, boolean withNext) {
    return LambdaDsl.newJsonBody(
            page -> {
              page.integerType("totalCount", 1);
              page.minMaxArrayLike(
                  "items",
                  1,
                  count,
                  1,
                  customer -> {
                    customer.stringMatcher(
                        "id", Contracts.UUID, DiscoveryContracts.EXAMPLE_CUSTOMER);
                    customer.object(
                        "companyProfile",
                        profile -> {
                          profile.stringMatcher(
                              "tenantId", Contracts.UUID, DiscoveryContracts.EXAMPLE_CUSTOMER);
                          profile.stringType("domain", "fabrikamtoys.onmicrosoft.com");
                          profile.stringType("companyName", "Fabrikam Toys");
                        });
                    customer.stringType("relationshipToPartner", "reseller");
                    customer.object(
                        "attributes", a -> a.stringMatcher("objectType", "Customer", "Customer"));
                  });
              if (withNext) {
                page.stringType("continuationToken", DiscoveryContracts.EXAMPLE_CUSTOMER_TOKEN);
              }
              page.object(
                  "links",
                  links -> {
                    if (withNext) {
                      links.object(
                          "next",
                          next -> {
                            next.stringMatcher(
                                "uri",
                                "/?(v1/)?customers\\?(size=\\d+&)?seekOperation=(?i)next",
                                "customers?size=1&seekOperation=Next");
                            next.stringValue("method", "GET");
                            next.minArrayLike(
                                "headers",
                                1,
                                1,
                                header -> {
                                  // A regex, not a value: the array's type rule would swallow it.
                                  header.stringMatcher(
                                      "key", "(?i)" + CONTINUATION_HEADER, CONTINUATION_HEADER);
                                  header.stringType(
                                      "value", DiscoveryContracts.EXAMPLE_CUSTOMER_TOKEN);
                                });
                          });
                    }
                  });
              page.object("attributes", a -> a.stringValue("objectType", "Collection"));
            })
        .build();
  }

  @Pact(consumer = CONSUMER)
  V4Pact twoPagesOfCustomers(PactDslWithProvider builder) {
    return ok(Contracts.trackingHeaders(
            ok(firstPage(
                    builder,
                    DiscoveryContracts.TWO_CUSTOMERS,
                    Map.of(),
                    "the first page of customers",
                    1))
                .body(page(1, true))
                .given(DiscoveryContracts.TWO_CUSTOMERS)
                .uponReceiving("the last page of customers, after a continuation token")
                .method("GET")
                .path(DiscoveryContracts.CUSTOMERS_PATH)
                .matchQuery("size", DiscoveryContracts.CUSTOMER_SIZE, "1")
                .matchQuery("seekOperation", "(?i)next", "Next")
                .headerFromProviderState(
                    CONTINUATION_HEADER,
                    "${customerToken}",
                    DiscoveryContracts.EXAMPLE_CUSTOMER_TOKEN)))
        .body(page(1, false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "twoPagesOfCustomers")
  void followsTheNextLinkWithTheContinuationHeaderToTheLastPage(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      List<Page<Customer>> pages = new ArrayList<>();
      client.customers(CustomerQuery.builder().pageSize(1).build()).byPage().forEach(pages::add);

      assertThat(pages).hasSize(2);
      assertThat(pages.get(0).continuation()).isPresent();
      assertThat(pages.get(1).continuation()).isEmpty();
      Customer customer = pages.get(1).items().get(0);
      assertThat(customer.getId()).isEqualTo(DiscoveryContracts.EXAMPLE_CUSTOMER);
      assertThat(customer.getCompanyProfile().getDomain())
          .isEqualTo("fabrikamtoys.onmicrosoft.com");
      assertThat(customer.getCompanyProfile().getCompanyName()).isEqualTo("Fabrikam Toys");
      assertThat(customer.getRelationshipToPartner()).isEqualTo("reseller");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact customersByNamePrefix(PactDslWithProvider builder) {
    return ok(firstPage(
                builder,
                DiscoveryContracts.NAMED_CUSTOMERS,
                Map.of(),
                "a page of customers whose company name starts with a prefix",
                CustomerQuery.MAX_PAGE_SIZE)
            .queryParameterFromProviderState("filter", "${customerFilter}", FILTER))
        .body(page(CustomerQuery.MAX_PAGE_SIZE, false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "customersByNamePrefix")
  void sendsTheCompanyNamePrefixAsAStartsWithFilter(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      List<Customer> customers = new ArrayList<>();
      client
          .customers(CustomerQuery.builder().companyNameStartsWith("Fabrikam").build())
          .forEach(customers::add);
      assertThat(customers).hasSize(1);
      assertThat(customers.get(0).getCompanyProfile().getCompanyName()).startsWith("Fabrikam");
    }
  }

  private static V4Pact failing(PactDslWithProvider builder, DiscoveryContracts.Failure failure) {
    PactDslResponse response =
        firstPage(
                builder,
                DiscoveryContracts.CUSTOMER_LIST_FAILS,
                Map.of("status", failure.status()),
                "a customer listing that fails with " + failure.status(),
                1)
            .willRespondWith()
            .status(failure.status())
            .matchHeader("MS-RequestId", Contracts.UUID, DiscoveryContracts.REQUEST_ID);
    if (failure.retryAfter()) {
      response = response.matchHeader("Retry-After", "\\d+", "1");
    }
    return DiscoveryContracts.json(response).body(failure.body()).toPact(V4Pact.class);
  }

  private static <T extends PartnerCenterException> T listingFails(
      MockServer server, Class<T> type) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      T thrown =
          catchThrowableOfType(
              type,
              () ->
                  client
                      .customers(CustomerQuery.builder().pageSize(1).build())
                      .iterator()
                      .hasNext());
      assertThat(thrown).as("expected " + type.getSimpleName()).isNotNull();
      assertThat(thrown.requestId()).isEqualTo(DiscoveryContracts.REQUEST_ID);
      return thrown;
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact badRequest(PactDslWithProvider builder) {
    return failing(
        builder, new DiscoveryContracts.Failure(400, 2000, "There are no more records to return."));
  }

  @Test
  @PactTestFor(pactMethod = "badRequest")
  void code2000OnTheFirstPageIsABadRequest(MockServer server) {
    BadRequestException e = listingFails(server, BadRequestException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("2000");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unauthorized(PactDslWithProvider builder) {
    return failing(
        builder, new DiscoveryContracts.Failure(401, "900420", "Authentication failed."));
  }

  @Test
  @PactTestFor(pactMethod = "unauthorized")
  void unauthorizedCarriesTheStringCode(MockServer server) {
    assertThat(listingFails(server, UnauthorizedException.class).errorCode()).isEqualTo("900420");
  }

  @Pact(consumer = CONSUMER)
  V4Pact forbidden(PactDslWithProvider builder) {
    return failing(
        builder,
        new DiscoveryContracts.Failure(
            403, null, "The partner is not authorized to perform this operation."));
  }

  @Test
  @PactTestFor(pactMethod = "forbidden")
  void forbiddenWithoutACode(MockServer server) {
    ForbiddenException e = listingFails(server, ForbiddenException.class);
    assertThat(e.errorCode()).isNull();
    assertThat(e.description()).contains("not authorized");
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return failing(builder, new DiscoveryContracts.Failure(429, null, null));
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void throttledCarriesRetryAfter(MockServer server) {
    assertThat(listingFails(server, ThrottledException.class).retryAfter())
        .contains(Duration.ofSeconds(1));
  }

  @Pact(consumer = CONSUMER)
  V4Pact serverError(PactDslWithProvider builder) {
    return failing(
        builder,
        new DiscoveryContracts.Failure(500, 800003, "An unexpected service error occurred."));
  }

  @Test
  @PactTestFor(pactMethod = "serverError")
  void serverErrorCarriesCode(MockServer server) {
    assertThat(listingFails(server, ServerException.class).errorCode()).isEqualTo("800003");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unavailable(PactDslWithProvider builder) {
    return failing(
        builder,
        new DiscoveryContracts.Failure(
            503, null, "The service is temporarily unavailable. Please try again later."));
  }

  @Test
  @PactTestFor(pactMethod = "unavailable")
  void unavailableWithoutACode(MockServer server) {
    ServerException e = listingFails(server, ServerException.class);
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.errorCode()).isNull();
  }
}
