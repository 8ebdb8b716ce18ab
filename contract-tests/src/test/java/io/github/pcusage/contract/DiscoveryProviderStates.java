package io.github.pcusage.contract;

import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The provider states of the customer listing, the subscription listing and the rate card, set up
 * on the sandbox of {@link SandboxProviderVerificationIT} (which has two customers). The failing
 * states take the answer's {@code status} as a parameter.
 */
final class DiscoveryProviderStates {
  private static final int CALLS = 1000;

  private final SandboxExtension sandbox;
  private final java.util.function.Consumer<Map<String, Object>> values;

  /**
   * @param values told every value a state hands to the interaction's request, so that the provider
   *     check can replay the request with them
   */
  DiscoveryProviderStates(
      SandboxExtension sandbox, java.util.function.Consumer<Map<String, Object>> values) {
    this.sandbox = sandbox;
    this.values = values;
  }

  private Map<String, Object> handOver(Map<String, Object> state) {
    values.accept(state);
    return state;
  }

  @State(DiscoveryContracts.TWO_CUSTOMERS)
  Map<String, Object> twoCustomers() throws IOException, InterruptedException {
    JsonNode next = firstCustomerPage().path("links").path("next");
    for (JsonNode header : next.path("headers")) {
      if (header.path("key").asText().equalsIgnoreCase(DiscoveryContracts.CONTINUATION_HEADER)) {
        return handOver(Map.of("customerToken", header.path("value").asText()));
      }
    }
    throw new IllegalStateException(
        "the first page of size=1 has no " + DiscoveryContracts.CONTINUATION_HEADER + ": " + next);
  }

  /** The filter is the first word of the first customer's company name. */
  @State(DiscoveryContracts.NAMED_CUSTOMERS)
  Map<String, Object> namedCustomers() throws IOException, InterruptedException {
    String name =
        firstCustomerPage()
            .path("items")
            .path(0)
            .path("companyProfile")
            .path("companyName")
            .asText();
    String prefix = name.split(" ")[0];
    return handOver(
        Map.of(
            "customerFilter",
            "{\"Field\":\"CompanyName\",\"Value\":\""
                + prefix
                + "\",\"Operator\":\"starts_with\"}"));
  }

  @State(DiscoveryContracts.CUSTOMER_LIST_FAILS)
  void customerListFails(Map<String, Object> params) {
    sandbox.scenarios().customerListFailing(status(params), CALLS);
  }

  @State(DiscoveryContracts.FOUR_KINDS)
  Map<String, Object> fourKinds() {
    return handOver(Map.of("customerId", sandbox.customerIds().get(0)));
  }

  /** Nothing to set up: the sandbox knows only its own customers. */
  @State(DiscoveryContracts.NO_SUCH_CUSTOMER)
  void noSuchCustomer() {}

  @State(DiscoveryContracts.SUBSCRIPTION_LIST_FAILS)
  void subscriptionListFails(Map<String, Object> params) {
    sandbox.scenarios().subscriptionListFailing(Contracts.CUSTOMER, status(params), CALLS);
  }

  /** Nothing to set up: the sandbox always has its card. */
  @State(DiscoveryContracts.RATE_CARD)
  void rateCard() {}

  @State(DiscoveryContracts.RATE_CARD_FAILS)
  void rateCardFails(Map<String, Object> params) {
    sandbox.scenarios().rateCardFailing(status(params), CALLS);
  }

  private static int status(Map<String, Object> params) {
    return Integer.parseInt(String.valueOf(params.get("status")));
  }

  private JsonNode firstCustomerPage() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/customers?size=1"))
            .header("Authorization", "Bearer " + Contracts.TOKEN)
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the sandbox answered " + response.statusCode() + ": " + response.body());
    }
    return new ObjectMapper().readTree(response.body());
  }
}
