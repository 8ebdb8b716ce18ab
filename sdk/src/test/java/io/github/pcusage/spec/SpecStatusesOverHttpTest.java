package io.github.pcusage.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.pcusage.BadRequestException;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.ServerException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.testing.MockPartnerCenter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The statuses the spec declares for each operation, as the service sends them: 503 on every one
 * (with or without {@code Retry-After}), 204 on the usage summary, a 401 with {@code
 * WWW-Authenticate}; and every error example of the spec, served over HTTP, reaches the caller as
 * the exception of its status with the example's code (as sent) and description.
 */
class SpecStatusesOverHttpTest {
  private static final String UTILIZATIONS =
      "/customers/{customer_id}/subscriptions/{subscription_id}/utilizations/azure";
  private static final String SUMMARY =
      "/customers/{customer_id}/subscriptions/{subscription_id}/usagesummary";
  private static final String CUSTOMERS = "/customers";
  private static final String SUBSCRIPTIONS = "/customers/{customer_id}/subscriptions";
  private static final String RATE_CARD = "/ratecards/azure";
  private static final List<String> PATHS =
      List.of(UTILIZATIONS, SUMMARY, CUSTOMERS, SUBSCRIPTIONS, RATE_CARD);
  private static final Map<String, Class<? extends PartnerCenterException>> EXCEPTIONS =
      Map.of(
          "400", BadRequestException.class,
          "401", UnauthorizedException.class,
          "403", ForbiddenException.class,
          "404", NotFoundException.class,
          "429", ThrottledException.class,
          "500", ServerException.class,
          "503", ServerException.class);

  private static Map<String, Object> spec() throws IOException {
    try (Reader reader = Files.newBufferedReader(SpecFiles.spec(), UTF_8)) {
      return new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> responses(Map<String, Object> spec, String path) {
    return map(map(map(map(spec.get("paths")).get(path)).get("get")).get("responses"));
  }

  /** The response itself, following a $ref to components/responses. */
  private static Map<String, Object> resolve(Map<String, Object> spec, Object response) {
    Object ref = map(response).get("$ref");
    if (ref == null) {
      return map(response);
    }
    String name = ref.toString().substring("#/components/responses/".length());
    return map(map(map(spec.get("components")).get("responses")).get(name));
  }

  @Test
  void everyOperationDeclaresServiceUnavailableWithRetryAfter() throws IOException {
    Map<String, Object> spec = spec();
    for (String path : PATHS) {
      Map<String, Object> unavailable = resolve(spec, responses(spec, path).get("503"));
      assertThat(map(unavailable.get("headers"))).as(path).containsKey("Retry-After");
      assertThat(map(unavailable.get("content"))).as(path).containsKey("application/json");
    }
  }

  @Test
  void theUsageSummaryDeclaresNoContentWithRetryAfterAndNoBody() throws IOException {
    Map<String, Object> spec = spec();
    Map<String, Object> noContent = resolve(spec, responses(spec, SUMMARY).get("204"));

    assertThat(map(noContent.get("headers"))).containsKey("Retry-After");
    assertThat(noContent).doesNotContainKey("content");
  }

  @Test
  void unauthorizedDeclaresWwwAuthenticateAndAStringCode() throws IOException {
    Map<String, Object> spec = spec();
    Map<String, Object> unauthorized = resolve(spec, responses(spec, UTILIZATIONS).get("401"));
    Map<String, Object> example =
        map(map(map(unauthorized.get("content")).get("application/json")).get("example"));

    assertThat(map(unauthorized.get("headers"))).containsKey("WWW-Authenticate");
    assertThat(example.get("code")).isEqualTo("900420");
  }

  @TestFactory
  Stream<DynamicTest> everyErrorExampleReachesTheCallerWithItsCodeAndDescription()
      throws IOException {
    Map<String, Object> spec = spec();
    List<DynamicTest> tests = new ArrayList<>();
    for (String path : PATHS) {
      for (Map.Entry<String, Object> status : responses(spec, path).entrySet()) {
        Class<? extends PartnerCenterException> type = EXCEPTIONS.get(status.getKey());
        if (type == null) {
          continue;
        }
        Map<String, Object> response = resolve(spec, status.getValue());
        Map<String, Object> example =
            map(map(map(response.get("content")).get("application/json")).get("example"));
        tests.add(
            dynamicTest(
                "GET " + path + " " + status.getKey(),
                () -> servesAndMaps(path, Integer.parseInt(status.getKey()), example, type)));
      }
    }
    // 7 statuses each for utilizations, usage summary and subscriptions; no 404 on the customer
    // listing and the rate card, which name no id.
    assertThat(tests).hasSize(7 + 7 + 6 + 7 + 6);
    return tests.stream();
  }

  private static void servesAndMaps(
      String path,
      int status,
      Map<String, Object> example,
      Class<? extends PartnerCenterException> type)
      throws Exception {
    // A server per dynamic test: an extension's callbacks run once around the whole factory. The
    // extension reads nothing from its context.
    MockPartnerCenter pc = new MockPartnerCenter();
    pc.beforeEach(null);
    try {
      String body = PartnerCenterJson.adapter(Object.class).toJson(example);
      for (int i = 0; i < 4; i++) {
        pc.server()
            .enqueue(
                new MockResponse()
                    .setResponseCode(status)
                    .setHeader("Content-Type", "application/json")
                    .setBody(body));
      }
      try (PartnerCenterClient client = pc.client().build()) {
        PartnerCenterException e =
            assertThatExceptionOfType(type).isThrownBy(() -> call(client, path)).actual();

        assertThat(e.statusCode()).isEqualTo(status);
        Object code = example.containsKey("code") ? example.get("code") : null;
        assertThat(e.errorCode()).isEqualTo(code == null ? null : code.toString());
        Object description =
            example.containsKey("description")
                ? example.get("description")
                : example.get("message");
        assertThat(e.description()).isEqualTo(description);
      }
    } finally {
      pc.afterEach(null);
    }
  }

  private static void call(PartnerCenterClient client, String path) {
    switch (path) {
      case SUMMARY:
        client.usageSummary("C", "S");
        return;
      case CUSTOMERS:
        client.customers().forEach(customer -> {});
        return;
      case SUBSCRIPTIONS:
        client.subscriptions("C");
        return;
      case RATE_CARD:
        client.azureRateCard();
        return;
      default:
        break;
    }
    UtilizationQuery query =
        UtilizationQuery.builder()
            .startTime(OffsetDateTime.parse("2026-10-01T00:00:00Z"))
            .endTime(OffsetDateTime.parse("2026-11-01T00:00:00Z"))
            .build();
    client.utilizations("C", "S", query).forEach(record -> {});
  }
}
