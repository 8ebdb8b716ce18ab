package io.github.pcusage.contract;

import static io.github.pcusage.contract.Contracts.CUSTOMER;
import static io.github.pcusage.contract.Contracts.SUBSCRIPTION;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage 3: every interaction of every pact the consumer tests wrote is replayed against an
 * in-process sandbox, after the {@code @State} handler of its provider state set the sandbox up.
 */
@Provider(Contracts.PROVIDER)
@PactFolder("target/pacts")
class SandboxProviderVerificationIT {
  private static final int CALLS = 1000;

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(42).customers(2).subscriptionsPerCustomer(1).build();

  @BeforeEach
  void target(PactVerificationContext context) {
    sandbox.scenarios().reset();
    context.setTarget(new HttpTestTarget("127.0.0.1", sandbox.port()));
    context.addStateChangeHandlers(new DiscoveryProviderStates(sandbox));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void sandboxHonoursTheContract(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State(Contracts.TWO_PAGES)
  Map<String, Object> twoPagesOfDailyUsage() throws IOException, InterruptedException {
    sandbox.scenarios().records(CUSTOMER, SUBSCRIPTION, 2 * Contracts.PAGE_SIZE);
    return Map.of("continuationToken", lastPageToken());
  }

  @State(Contracts.ONE_PAGE_HOURLY)
  void hourlyUsage() {
    sandbox.scenarios().records(CUSTOMER, SUBSCRIPTION, Contracts.PAGE_SIZE);
  }

  @State(Contracts.ONE_PAGE_AGGREGATED)
  void usageAggregatedPerResource() {
    sandbox.scenarios().records(CUSTOMER, SUBSCRIPTION, 2 * Contracts.PAGE_SIZE);
  }

  @State(Contracts.NOT_READY)
  void notReady() {
    sandbox.scenarios().notReady(CUSTOMER, SUBSCRIPTION, CALLS);
  }

  @State(Contracts.BAD_REQUEST)
  void badRequest() {
    sandbox.scenarios().failing(CUSTOMER, SUBSCRIPTION, 400, CALLS);
  }

  @State(Contracts.UNAUTHORIZED)
  void unauthorized() {
    sandbox.scenarios().failing(CUSTOMER, SUBSCRIPTION, 401, CALLS);
  }

  @State(Contracts.FORBIDDEN)
  void forbidden() {
    sandbox.scenarios().failing(CUSTOMER, SUBSCRIPTION, 403, CALLS);
  }

  @State(Contracts.NOT_FOUND)
  void notFound() {
    sandbox.scenarios().failing(CUSTOMER, SUBSCRIPTION, 404, CALLS);
  }

  @State(Contracts.THROTTLED)
  void throttled() {
    sandbox.scenarios().failing(CUSTOMER, SUBSCRIPTION, 429, CALLS);
  }

  @State(Contracts.SERVER_ERROR)
  void serverError() {
    sandbox.scenarios().failing(CUSTOMER, SUBSCRIPTION, 500, CALLS);
  }

  @State(Contracts.LEGACY_SUMMARY)
  void legacySummary() {
    sandbox.scenarios().records(CUSTOMER, SUBSCRIPTION, 10);
  }

  @State(Contracts.AZURE_PLAN_SUMMARY)
  void azurePlanSummary() {
    sandbox.scenarios().azurePlan(CUSTOMER, SUBSCRIPTION);
  }

  /** Walks the listing as a client would and returns the continuation token of its last page. */
  private static String lastPageToken() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    String path = Contracts.UTILIZATION_PATH;
    String query =
        "start_time="
            + URLEncoder.encode(Contracts.START, StandardCharsets.UTF_8)
            + "&end_time="
            + URLEncoder.encode(Contracts.END, StandardCharsets.UTF_8)
            + "&granularity=daily&show_details=true&size="
            + Contracts.PAGE_SIZE;
    String token = null;
    URI uri = URI.create(sandbox.baseUrl() + path + "?" + query);
    for (int page = 0; page < 100; page++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + Contracts.TOKEN);
      if (token != null) {
        request.header("MS-ContinuationToken", token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "the sandbox answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode next = json.readTree(response.body()).path("links").path("next");
      if (next.isMissingNode() || next.isNull()) {
        if (token == null) {
          throw new IllegalStateException(
              "the sandbox listing has a single page; the state needs two");
        }
        return token;
      }
      token = next.path("headers").get(0).path("value").asText();
      uri =
          URI.create(
              sandbox.baseUrl() + "/v1/" + next.path("uri").asText().replaceFirst("^/?(v1/)?", ""));
    }
    throw new IllegalStateException("the sandbox listing did not end within 100 pages");
  }
}
