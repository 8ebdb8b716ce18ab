package io.github.pcusage.contract;

import static io.github.pcusage.contract.Contracts.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.pcusage.BadRequestException;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.ServerException;
import io.github.pcusage.SubscriptionKind;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.model.Subscription;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK expects of {@code GET /v1/customers/{c}/subscriptions}: one collection. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = Contracts.PROVIDER,
    pactVersion = PactSpecVersion.V4,
    hostInterface = "127.0.0.1")
class SubscriptionsConsumerPactTest {
  private static final String DATE_TIME = Contracts.DATE_TIME;

  /** The fields every kind of subscription has; the open strings are matched by type only. */
  private static void common(
      LambdaDslObject s,
      String id,
      String offerIdRegex,
      String offerId,
      String offerName,
      int quantity,
      String unitType,
      String status,
      String billingType,
      String billingCycle) {
    s.stringMatcher("id", Contracts.UUID, id);
    s.stringMatcher("offerId", offerIdRegex, offerId);
    s.stringType("offerName", offerName);
    s.stringType("friendlyName", offerName);
    s.integerType("quantity", quantity);
    s.stringType("unitType", unitType);
    s.stringMatcher("creationDate", DATE_TIME, "2021-06-01T08:00:00.123Z");
    s.stringMatcher("effectiveStartDate", DATE_TIME, "2021-06-01T00:00:00Z");
    s.stringType("status", status);
    s.booleanType("autoRenewEnabled", !"usage".equals(billingType));
    s.stringType("billingType", billingType);
    s.stringType("billingCycle", billingCycle);
    s.stringType("contractType", "subscription");
    s.object("attributes", a -> a.stringValue("objectType", "Subscription"));
  }

  /** Legacy Azure, Azure plan, licence and new commerce, in the order the sandbox lists them. */
  static DslPart fourKinds() {
    return LambdaDsl.newJsonBody(
            body -> {
              body.integerType("totalCount", 4);
              body.array(
                  "items",
                  items -> {
                    items.object(
                        s -> {
                          common(
                              s,
                              "5f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b",
                              "(?i)MS-AZR-([A-Z]+-)?0145P",
                              "MS-AZR-0145P",
                              "Microsoft Azure",
                              1,
                              "Usage-based",
                              "active",
                              "usage",
                              "monthly");
                          s.stringMatcher(
                              "entitlementId",
                              Contracts.UUID,
                              "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
                          s.stringMatcher("commitmentEndDate", DATE_TIME, "9999-12-10T00:00:00Z");
                        });
                    items.object(
                        s -> {
                          common(
                              s,
                              "6a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                              "(?i)DZH318Z0BPS6:.+",
                              "DZH318Z0BPS6:0001:DZH318Z0BML6",
                              "Azure plan",
                              1,
                              "Usage-based",
                              "active",
                              "usage",
                              "monthly");
                          s.object(
                              "productType",
                              p -> {
                                p.stringType("id", "Azure");
                                p.stringType("displayName", "Azure");
                              });
                        });
                    items.object(
                        s -> {
                          common(
                              s,
                              "7b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
                              Contracts.UUID,
                              "91FD106F-4B2C-4938-95AC-F54F74E9A239",
                              "Office 365 E3",
                              25,
                              "Licenses",
                              "suspended",
                              "license",
                              "annual");
                          s.stringType("termDuration", "P1Y");
                        });
                    items.object(
                        s -> {
                          common(
                              s,
                              "8c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f",
                              "[A-Z0-9]+:[0-9]{4}:[A-Z0-9]+",
                              "CFQ7TTC0LH18:0001:CFQ7TTC0K8P5",
                              "Microsoft 365 Business Basic",
                              10,
                              "Licenses",
                              "disabled",
                              "license",
                              "one_time");
                          s.stringType("termDuration", "P1M");
                          s.object(
                              "productType",
                              p -> {
                                p.stringType("id", "OnlineServicesNCE");
                                p.stringType("displayName", "OnlineServicesNCE");
                              });
                        });
                  });
              body.object("attributes", a -> a.stringValue("objectType", "Collection"));
            })
        .build();
  }

  @Pact(consumer = CONSUMER)
  V4Pact fourKindsOfSubscriptions(PactDslWithProvider builder) {
    return DiscoveryContracts.json(
            Contracts.trackingHeaders(
                    builder
                        .given(DiscoveryContracts.FOUR_KINDS)
                        .uponReceiving("the subscriptions of a customer")
                        .method("GET")
                        .pathFromProviderState(
                            "/v1/customers/${customerId}/subscriptions",
                            "/v1/customers/"
                                + DiscoveryContracts.EXAMPLE_CUSTOMER
                                + "/subscriptions"))
                .willRespondWith()
                .status(200))
        .body(fourKinds())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "fourKindsOfSubscriptions")
  void readsEveryKindWithItsOpenStrings(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      List<Subscription> subscriptions = client.subscriptions(DiscoveryContracts.EXAMPLE_CUSTOMER);

      assertThat(subscriptions.stream().map(SubscriptionKind::of).collect(Collectors.toList()))
          .containsExactly(
              SubscriptionKind.SERVED,
              SubscriptionKind.AZURE_PLAN,
              SubscriptionKind.LICENCE,
              SubscriptionKind.NEW_COMMERCE);
      Subscription azure = subscriptions.get(0);
      assertThat(azure.getEntitlementId()).isEqualTo("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
      assertThat(azure.getCommitmentEndDate())
          .isEqualTo(OffsetDateTime.parse("9999-12-10T00:00:00Z"));
      Subscription nce = subscriptions.get(3);
      assertThat(nce.getStatus()).isEqualTo("disabled");
      assertThat(nce.getBillingCycle()).isEqualTo("one_time");
      assertThat(nce.getProductType().getDisplayName()).isEqualTo("OnlineServicesNCE");
      assertThat(subscriptions.get(2).getQuantity()).isEqualTo(25);
    }
  }

  private static V4Pact failing(
      PactDslWithProvider builder,
      String state,
      Map<String, Object> params,
      String path,
      DiscoveryContracts.Failure failure) {
    PactDslResponse response =
        Contracts.trackingHeaders(
                builder
                    .given(state, params)
                    .uponReceiving("a subscription listing that fails with " + failure.status())
                    .method("GET")
                    .path(path))
            .willRespondWith()
            .status(failure.status())
            .matchHeader("MS-RequestId", Contracts.UUID, DiscoveryContracts.REQUEST_ID);
    if (failure.retryAfter()) {
      response = response.matchHeader("Retry-After", "\\d+", "1");
    }
    return DiscoveryContracts.json(response).body(failure.body()).toPact(V4Pact.class);
  }

  private static V4Pact failing(PactDslWithProvider builder, DiscoveryContracts.Failure failure) {
    return failing(
        builder,
        DiscoveryContracts.SUBSCRIPTION_LIST_FAILS,
        Map.of("status", failure.status()),
        DiscoveryContracts.SUBSCRIPTIONS_PATH,
        failure);
  }

  private static <T extends PartnerCenterException> T listingFails(
      MockServer server, String customerId, Class<T> type) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      T thrown = catchThrowableOfType(type, () -> client.subscriptions(customerId));
      assertThat(thrown).as("expected " + type.getSimpleName()).isNotNull();
      assertThat(thrown.requestId()).isEqualTo(DiscoveryContracts.REQUEST_ID);
      return thrown;
    }
  }

  private static <T extends PartnerCenterException> T listingFails(
      MockServer server, Class<T> type) {
    return listingFails(server, Contracts.CUSTOMER, type);
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownCustomer(PactDslWithProvider builder) {
    return failing(
        builder,
        DiscoveryContracts.NO_SUCH_CUSTOMER,
        Map.of(),
        "/v1/customers/" + DiscoveryContracts.UNKNOWN_CUSTOMER + "/subscriptions",
        new DiscoveryContracts.Failure(
            404, 60003, "Tenant '" + DiscoveryContracts.UNKNOWN_CUSTOMER + "' was not found."));
  }

  @Test
  @PactTestFor(pactMethod = "unknownCustomer")
  void anUnknownCustomerIsNotFound(MockServer server) {
    NotFoundException e =
        listingFails(server, DiscoveryContracts.UNKNOWN_CUSTOMER, NotFoundException.class);
    assertThat(e.errorCode()).isEqualTo("60003");
    assertThat(e.getMessage()).contains("tenant not found");
  }

  @Pact(consumer = CONSUMER)
  V4Pact badRequest(PactDslWithProvider builder) {
    return failing(
        builder, new DiscoveryContracts.Failure(400, 800002, "The request input is not valid."));
  }

  @Test
  @PactTestFor(pactMethod = "badRequest")
  void badRequestCarriesCode(MockServer server) {
    assertThat(listingFails(server, BadRequestException.class).errorCode()).isEqualTo("800002");
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
            403, 20002, "The partner does not have a relationship with the customer."));
  }

  @Test
  @PactTestFor(pactMethod = "forbidden")
  void forbiddenCarriesCode(MockServer server) {
    assertThat(listingFails(server, ForbiddenException.class).errorCode()).isEqualTo("20002");
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
