package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the sandbox's answers against the project's OpenAPI spec with the Atlassian validator,
 * every message raised to an error, so that the sandbox and the spec (two independent readings of
 * the service) agree.
 */
class OpenApiConformanceTest {
  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(42).recordsPerSubscription(300).build();

  static SandboxHttp http;
  static OpenApiInteractionValidator validator;
  static String customer;
  static String subscription;

  @BeforeAll
  static void setUp() {
    Path spec = Path.of(System.getProperty("sandbox.spec", "../openapi/partner-center-usage.yaml"));
    assertThat(spec).as("the OpenAPI spec").exists();
    validator =
        OpenApiInteractionValidator.createForSpecificationUrl(
                spec.toAbsolutePath().toUri().toString())
            .withLevelResolver(
                LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build())
            .build();
    http = new SandboxHttp(sandbox);
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
    assertThat(Files.isRegularFile(spec)).isTrue();
  }

  /** Sends a GET for real and validates the exchange; returns the response. */
  private static HttpResponse<byte[]> exchange(
      String path, Map<String, String> query, Map<String, String> headers) {
    return exchange(http, path, query, headers);
  }

  /** Sends a GET to a given sandbox and validates the exchange; returns the response. */
  private static HttpResponse<byte[]> exchange(
      SandboxHttp http, String path, Map<String, String> query, Map<String, String> headers) {
    StringBuilder uri = new StringBuilder(path);
    SimpleRequest.Builder request = SimpleRequest.Builder.get(path);
    char separator = '?';
    for (Map.Entry<String, String> param : query.entrySet()) {
      uri.append(separator)
          .append(param.getKey())
          .append('=')
          .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
      separator = '&';
      request.withQueryParam(param.getKey(), param.getValue());
    }
    List<String> flat = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          flat.add(name);
          flat.add(value);
          request.withHeader(name, value);
        });
    request.withHeader("Authorization", "Bearer test-token");
    HttpResponse<byte[]> response = http.get(uri.toString(), flat.toArray(new String[0]));
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach(answer::withHeader);
    if (response.body().length > 0) {
      answer.withBody(response.body());
    }
    ValidationReport report = validator.validate(request.build(), answer.build());
    assertThat(report.getMessages())
        .as("validation of GET %s -> %d", uri, response.statusCode())
        .isEmpty();
    return response;
  }

  private static Map<String, String> october(String size) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("start_time", "2026-10-01T00:00:00Z");
    query.put("end_time", "2026-11-01T00:00:00Z");
    query.put("size", size);
    return query;
  }

  private static String utilizationPath(String c, String s) {
    return "/v1/customers/" + c + "/subscriptions/" + s + "/utilizations/azure";
  }

  @Test
  void firstAndFollowUpPagesConformToTheSpec() {
    HttpResponse<byte[]> first =
        exchange(utilizationPath(customer, subscription), october("100"), Map.of());
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode next = json(first).path("links").path("next");

    HttpResponse<byte[]> second =
        exchange(
            utilizationPath(customer, subscription),
            Map.of("seek_operation", "Next"),
            Map.of("MS-ContinuationToken", next.path("headers").get(0).path("value").asText()));
    assertThat(second.statusCode()).isEqualTo(200);
  }

  @Test
  void hourlyAggregatedAndEmptyPagesConformToTheSpec() {
    Map<String, String> query = october("1000");
    query.put("granularity", "hourly");
    query.put("show_details", "false");
    assertThat(exchange(utilizationPath(customer, subscription), query, Map.of()).statusCode())
        .isEqualTo(200);
    Map<String, String> empty = october("10");
    empty.put("start_time", "2025-01-01T00:00:00Z");
    empty.put("end_time", "2025-01-02T00:00:00Z");
    assertThat(exchange(utilizationPath(customer, subscription), empty, Map.of()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void errorsConformToTheSpec() {
    Map<String, String> noStart = october("5");
    noStart.remove("start_time");
    assertThat(exchange(utilizationPath(customer, subscription), noStart, Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(
            exchange(utilizationPath("scenario-not-found", subscription), october("5"), Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(
            exchange(utilizationPath("scenario-forbidden", subscription), october("5"), Map.of())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            exchange(utilizationPath("scenario-server-error", subscription), october("5"), Map.of())
                .statusCode())
        .isEqualTo(500);
    assertThat(
            exchange(utilizationPath("scenario-throttled", subscription), october("5"), Map.of())
                .statusCode())
        .isEqualTo(429);
    assertThat(
            exchange(utilizationPath("scenario-not-ready", subscription), october("5"), Map.of())
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void usageSummariesConformToTheSpec() {
    String legacy =
        "/v1/customers/" + customer + "/subscriptions/" + subscription + "/usagesummary";
    assertThat(exchange(legacy, Map.of(), Map.of()).statusCode()).isEqualTo(200);
    String plan =
        "/v1/customers/scenario-azure-plan/subscriptions/" + subscription + "/usagesummary";
    assertThat(exchange(plan, Map.of(), Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void customerPagesConformToTheSpec() {
    HttpResponse<byte[]> first = exchange("/v1/customers", Map.of("size", "2"), Map.of());
    assertThat(first.statusCode()).isEqualTo(200);
    String token = json(first).path("continuationToken").asText();

    HttpResponse<byte[]> last =
        exchange(
            "/v1/customers",
            Map.of("size", "2", "seekOperation", "Next"),
            Map.of("MS-ContinuationToken", token));
    HttpResponse<byte[]> filtered =
        exchange(
            "/v1/customers",
            Map.of("filter", "{\"Field\":\"Domain\",\"Value\":\"a\",\"Operator\":\"starts_with\"}"),
            Map.of());

    assertThat(last.statusCode()).isEqualTo(200);
    assertThat(json(last).path("items")).hasSize(1);
    assertThat(filtered.statusCode()).isEqualTo(200);
    assertThat(exchange("/v1/customers", Map.of("size", "500"), Map.of()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void customerErrorsConformToTheSpec() {
    assertThat(exchange("/v1/customers", Map.of("filter", "{}"), Map.of()).statusCode())
        .isEqualTo(400);
    try (Sandbox quirky = Sandbox.builder().endCustomerListWithCode2000(true).start()) {
      SandboxHttp client = new SandboxHttp(quirky);
      String token = json(client.get("/v1/customers")).path("continuationToken").asText();
      HttpResponse<byte[]> end =
          exchange(
              client,
              "/v1/customers",
              Map.of("seekOperation", "Next"),
              Map.of("MS-ContinuationToken", token));
      assertThat(end.statusCode()).isEqualTo(400);
      assertThat(json(end).path("code").asInt()).isEqualTo(2000);
    }
  }

  @Test
  void subscriptionListsConformToTheSpec() {
    for (String c : sandbox.customerIds()) {
      assertThat(exchange("/v1/customers/" + c + "/subscriptions", Map.of(), Map.of()).statusCode())
          .isEqualTo(200);
    }
    assertThat(
            exchange(
                    "/v1/customers/00000000-0000-0000-0000-000000000000/subscriptions",
                    Map.of(),
                    Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(
            exchange("/v1/customers/scenario-forbidden/subscriptions", Map.of(), Map.of())
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void rateCardsConformToTheSpec() {
    assertThat(exchange("/v1/ratecards/azure", Map.of(), Map.of()).statusCode()).isEqualTo(200);
    assertThat(
            exchange(
                    "/v1/ratecards/azure",
                    Map.of("currency", "USD", "region", "US"),
                    Map.of("X-Locale", "en-GB"))
                .statusCode())
        .isEqualTo(200);
    assertThat(exchange("/v1/ratecards/azure", Map.of("currency", "XYZ"), Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(exchange("/v1/ratecards/azure", Map.of("region", "ZZ"), Map.of()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aPaddedRateCardConformsToTheSpec() {
    try (Sandbox big = Sandbox.builder().rateCardMeters(300).unpricedMeters(2).start()) {
      HttpResponse<byte[]> card =
          exchange(new SandboxHttp(big), "/v1/ratecards/azure", Map.of(), Map.of());
      assertThat(json(card).path("meters")).hasSize(300);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 429, 500, 503})
  void failuresOfTheNewOperationsConformToTheSpec(int status) {
    sandbox.scenarios().customerListFailing(status, 1).rateCardFailing(status, 1);
    sandbox.scenarios().subscriptionListFailing(customer, status, 1);
    try {
      if (status == 403) {
        // PartnerCenterError requires a code, but none is documented for this 403 (facts §1.5):
        // the sandbox sends none, reported on STATUS as a spec issue.
        assertThat(http.get("/v1/customers").statusCode()).isEqualTo(403);
      } else {
        assertThat(exchange("/v1/customers", Map.of(), Map.of()).statusCode()).isEqualTo(status);
      }
      assertThat(exchange("/v1/ratecards/azure", Map.of(), Map.of()).statusCode())
          .isEqualTo(status);
      assertThat(
              exchange("/v1/customers/" + customer + "/subscriptions", Map.of(), Map.of())
                  .statusCode())
          .isEqualTo(status);
    } finally {
      sandbox.scenarios().reset();
    }
  }
}
