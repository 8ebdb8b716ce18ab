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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage 3: every interaction of every pact the consumer tests wrote is replayed against an
 * in-process sandbox, after the {@code @State} handler of its provider state set the sandbox up.
 * The sandbox runs strict: a query parameter it does not read is a 400, so a renamed parameter
 * cannot pass unnoticed. Each interaction is then replayed once more with known tracking ids, to
 * check what a Pact response cannot say ({@link Replay}).
 */
@Provider(Contracts.PROVIDER)
@PactFolder("target/pacts")
class SandboxProviderVerificationIT {
  private static final int CALLS = 1000;

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder()
          .seed(42)
          .customers(2)
          .subscriptionsPerCustomer(1)
          .rejectUnknownParameters(true)
          .build();

  /** The values the current interaction's provider-state handler returned. */
  private static volatile Map<String, Object> stateValues = Map.of();

  @BeforeEach
  void target(PactVerificationContext context) {
    sandbox.scenarios().reset();
    stateValues = Map.of();
    context.setTarget(new HttpTestTarget("127.0.0.1", sandbox.port()));
    context.addStateChangeHandlers(new DiscoveryProviderStates(sandbox, v -> stateValues = v));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void sandboxHonoursTheContract(PactVerificationContext context)
      throws IOException, InterruptedException {
    context.verifyInteraction();
    Replay.check(sandbox.baseUrl(), context.getInteraction(), stateValues);
  }

  @State(Contracts.TWO_PAGES)
  Map<String, Object> twoPagesOfDailyUsage() throws IOException, InterruptedException {
    sandbox.scenarios().records(CUSTOMER, SUBSCRIPTION, 2 * Contracts.PAGE_SIZE);
    stateValues = Map.of("continuationToken", secondPageToken());
    return stateValues;
  }

  /** One daily record: its 24 hours fill one page of {@link Contracts#HOURLY_PAGE_SIZE}. */
  @State(Contracts.ONE_PAGE_HOURLY)
  void hourlyUsage() {
    sandbox.scenarios().records(CUSTOMER, SUBSCRIPTION, 1);
  }

  @State(Contracts.ONE_PAGE_AGGREGATED)
  void usageAggregatedPerResource() {
    sandbox.scenarios().records(CUSTOMER, SUBSCRIPTION, Contracts.PAGE_SIZE);
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

  /** Asks for the first page as a client would and returns its link's continuation token. */
  private static String secondPageToken() throws IOException, InterruptedException {
    String query =
        "start_time="
            + URLEncoder.encode(Contracts.START, StandardCharsets.UTF_8)
            + "&end_time="
            + URLEncoder.encode(Contracts.END, StandardCharsets.UTF_8)
            + "&granularity=daily&show_details=true&size="
            + Contracts.PAGE_SIZE;
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + Contracts.UTILIZATION_PATH + "?" + query))
            .header("Authorization", "Bearer " + Contracts.TOKEN)
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the sandbox answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode next = new ObjectMapper().readTree(response.body()).path("links").path("next");
    if (!next.isObject()) {
      throw new IllegalStateException(
          "the first page has no links.next; the state needs two pages");
    }
    List<String> keys = new ArrayList<>();
    for (JsonNode header : next.path("headers")) {
      String key = header.path("key").asText();
      if (key.equalsIgnoreCase(Contracts.CONTINUATION_HEADER) && header.path("value").isTextual()) {
        return header.path("value").asText();
      }
      keys.add(key);
    }
    throw new IllegalStateException(
        "links.next.headers of the first page has no "
            + Contracts.CONTINUATION_HEADER
            + " with a string value; its keys: "
            + keys);
  }
}
