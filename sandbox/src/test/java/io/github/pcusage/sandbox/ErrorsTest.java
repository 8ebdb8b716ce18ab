package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorsTest {
  static final String OCTOBER = "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().recordsPerSubscription(40).build();

  static SandboxHttp http;
  static String customer;
  static String subscription;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  /** Asserts a Partner Center error body whose {@code code} is a JSON number. */
  static void assertPartnerCenterError(HttpResponse<byte[]> response, int status, long code) {
    JsonNode body = assertErrorBody(response, status);
    assertThat(body.path("code").isNumber()).as("code is a JSON number in %s", body).isTrue();
    assertThat(body.path("code").asLong()).isEqualTo(code);
  }

  /** Asserts a Partner Center error body whose {@code code} is a JSON string. */
  static void assertPartnerCenterError(HttpResponse<byte[]> response, int status, String code) {
    JsonNode body = assertErrorBody(response, status);
    assertThat(body.path("code").isTextual()).as("code is a JSON string in %s", body).isTrue();
    assertThat(body.path("code").asText()).isEqualTo(code);
  }

  /**
   * Asserts an error body without {@code code}: the answers for which no document gives one (our
   * assumption, marked in the README).
   */
  static JsonNode assertCodelessError(HttpResponse<byte[]> response, int status) {
    JsonNode body = assertErrorBody(response, status);
    assertThat(body.has("code")).as("no code in %s", body).isFalse();
    return body;
  }

  private static JsonNode assertErrorBody(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    JsonNode body = json(response);
    assertThat(body.path("description").asText()).isNotBlank();
    assertThat(body.path("data").isArray()).isTrue();
    assertThat(body.path("data")).isEmpty();
    assertThat(body.path("source").asText()).isEqualTo("PartnerFD");
    return body;
  }

  /** Asserts a 401 for a request without a bearer token: no body, {@code WWW-Authenticate}. */
  static void assertUnauthenticated(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void missingStartTimeIsBadRequest() {
    assertPartnerCenterError(
        http.get(utilization(customer, subscription, "end_time=2026-11-01T00:00:00Z")),
        400,
        800002);
  }

  @Test
  void dateWithoutTimeIsBadRequest() {
    assertPartnerCenterError(
        http.get(utilization(customer, subscription, "start_time=2026-10-01&end_time=2026-11-01")),
        400,
        800002);
  }

  @Test
  void startNotBeforeEndIsBadRequest() {
    assertPartnerCenterError(
        http.get(
            utilization(
                customer,
                subscription,
                "start_time=2026-11-01T00:00:00Z&end_time=2026-11-01T00:00:00Z")),
        400,
        800002);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-1", "ten", ""})
  void sizeOutsideOneToThousandIsBadRequest(String size) {
    assertPartnerCenterError(
        http.get(utilization(customer, subscription, OCTOBER + "&size=" + size)), 400, 800002);
  }

  @Test
  void unknownGranularityIsBadRequest() {
    assertPartnerCenterError(
        http.get(utilization(customer, subscription, OCTOBER + "&granularity=monthly")),
        400,
        800002);
  }

  @Test
  void garbageContinuationTokenIsBadRequest() {
    String next = utilization(customer, subscription, "seek_operation=Next");
    assertPartnerCenterError(http.get(next, "MS-ContinuationToken", "garbage"), 400, 800002);
    assertPartnerCenterError(
        http.get(
            next,
            "MS-ContinuationToken",
            "/opaque/usage-records?api-version=v1&from=x&continuation_token=AAAA%3d%3d"),
        400,
        800002);
  }

  @Test
  void decodedOrReencodedTokenIsBadRequest() {
    JsonNode first = json(http.get(utilization(customer, subscription, OCTOBER + "&size=5")));
    String token = first.path("links").path("next").path("headers").get(0).path("value").asText();
    String next = utilization(customer, subscription, "seek_operation=Next");

    assertThat(http.get(next, "MS-ContinuationToken", token).statusCode()).isEqualTo(200);
    assertPartnerCenterError(
        http.get(next, "MS-ContinuationToken", token.replace("%3d", "=").replace("%3a", ":")),
        400,
        800002);
    assertPartnerCenterError(
        http.get(next, "MS-ContinuationToken", token.replace("+", "%2B")), 400, 800002);
  }

  @Test
  void tokenOfAnotherSubscriptionIsBadRequest() {
    JsonNode first = json(http.get(utilization(customer, subscription, OCTOBER + "&size=5")));
    String token = first.path("links").path("next").path("headers").get(0).path("value").asText();
    String other = sandbox.subscriptionIds(customer).get(1);

    assertPartnerCenterError(
        http.get(
            utilization(customer, other, "seek_operation=Next"), "MS-ContinuationToken", token),
        400,
        800002);
  }

  @Test
  void seekWithoutTokenIsBadRequest() {
    assertPartnerCenterError(
        http.get(utilization(customer, subscription, "seek_operation=Next")), 400, 800002);
  }

  @Test
  void unknownSubscriptionIsNotFound() {
    assertPartnerCenterError(
        http.get(utilization(customer, "00000000-0000-0000-0000-000000000000", OCTOBER)),
        404,
        20003);
    assertPartnerCenterError(
        http.get(SandboxHttp.summary("00000000-0000-0000-0000-000000000000", subscription)),
        404,
        20003);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/v1",
        "/customers/c/subscriptions/s/utilizations/azure",
        "/v1//v1/customers/c/subscriptions/s/utilizations/azure",
        "/v1/customers/c/subscriptions/s/utilizations",
        "/v1/customers/c/subscriptions/s/utilizations/azure/extra",
        "/v2/customers/c/subscriptions/s/usagesummary"
      })
  void unknownPathIsNotFoundWithABodyWithoutCode(String path) {
    assertCodelessError(http.get(path), 404);
  }

  @Test
  void onlyGetIsAllowed() {
    HttpResponse<byte[]> response =
        SandboxHttp.send(
            HttpRequest.newBuilder(
                    URI.create(sandbox.baseUrl() + utilization(customer, subscription, OCTOBER)))
                .header("Authorization", "Bearer x")
                .DELETE()
                .build());
    assertCodelessError(response, 405);
  }

  @Test
  void missingAuthorizationIsUnauthorizedWithoutABody() {
    assertUnauthenticated(http.getAnonymous(utilization(customer, subscription, OCTOBER)));
    assertUnauthenticated(http.getAnonymous(SandboxHttp.summary(customer, subscription)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "Bearer    ", "Basic dXNlcjpwYXNz", "token"})
  void authorizationWithoutABearerTokenIsUnauthorizedWithoutABody(String authorization) {
    assertUnauthenticated(
        http.getAnonymous(
            utilization(customer, subscription, OCTOBER), "Authorization", authorization));
  }

  @Test
  void configuredTokenIsTheOnlyOneAccepted() {
    try (Sandbox guarded = Sandbox.builder().recordsPerSubscription(3).token("s3cret").start()) {
      SandboxHttp client = new SandboxHttp(guarded);
      String c = guarded.customerIds().get(0);
      String path = utilization(c, guarded.subscriptionIds(c).get(0), OCTOBER);

      HttpResponse<byte[]> refused = client.get(path);
      assertPartnerCenterError(refused, 401, "900420");
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(client.get(path, "Authorization", "Bearer s3cret").statusCode()).isEqualTo(200);
      assertThat(client.get(path, "Authorization", "bearer s3cret").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void tracingHeadersAreEchoedAndServerIdAdded() {
    HttpResponse<byte[]> response =
        http.get(
            utilization(customer, subscription, OCTOBER),
            "MS-RequestId",
            "7d1c1c3e-0000-4000-8000-000000000001",
            "MS-CorrelationId",
            "corr-42",
            "MS-CV",
            "abc.1");

    assertThat(response.headers().firstValue("MS-RequestId"))
        .hasValue("7d1c1c3e-0000-4000-8000-000000000001");
    assertThat(response.headers().firstValue("MS-CorrelationId")).hasValue("corr-42");
    assertThat(response.headers().firstValue("MS-CV")).hasValue("abc.1");
    assertThat(response.headers().firstValue("MS-ServerId")).hasValue("pcusage-sandbox-01");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(response.body().length);
  }

  @Test
  void missingTracingHeadersAreGenerated() {
    HttpResponse<byte[]> response = http.getAnonymous(utilization(customer, subscription, OCTOBER));

    assertThat(response.headers().firstValue("MS-RequestId"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    assertThat(response.headers().firstValue("MS-CorrelationId"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
  }
}
