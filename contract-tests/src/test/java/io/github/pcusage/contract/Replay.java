package io.github.pcusage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.generators.GeneratorTestMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * What a Pact response cannot say, checked by replaying an interaction's request (as the pact file
 * holds it, provider-state values filled in) against the provider with known tracking ids: both ids
 * come back unchanged, a page reflects its query ({@code show_details=false}: no {@code
 * instanceData}; {@code granularity=hourly}: one-hour periods, daily: one-day periods), and a page
 * the pact gives no {@code links.next} has none.
 */
final class Replay {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Replay() {}

  /**
   * Replays the request of {@code interaction} against {@code baseUrl} and asserts what the pact
   * cannot.
   *
   * @param stateValues the values the interaction's provider-state handler returned
   */
  static void check(String baseUrl, Interaction interaction, Map<String, Object> stateValues)
      throws IOException, InterruptedException {
    SynchronousRequestResponse pair = interaction.asSynchronousRequestResponse();
    IRequest request =
        pair.getRequest()
            .generatedRequest(Map.of("providerState", stateValues), GeneratorTestMode.Provider);
    String what = interaction.getDescription();
    String requestId = knownId("request", what);
    String correlationId = knownId("correlation", what);
    HttpRequest.Builder http =
        HttpRequest.newBuilder(uri(baseUrl, request))
            .method(request.getMethod(), HttpRequest.BodyPublishers.noBody());
    request
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("MS-RequestId")
                  && !name.equalsIgnoreCase("MS-CorrelationId")) {
                values.forEach(value -> http.header(name, value));
              }
            });
    http.header("MS-RequestId", requestId).header("MS-CorrelationId", correlationId);

    HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode())
        .as(what + ": status")
        .isEqualTo(pair.getResponse().getStatus());
    assertThat(response.headers().firstValue("MS-RequestId"))
        .as(what + ": MS-RequestId echoed")
        .contains(requestId);
    assertThat(response.headers().firstValue("MS-CorrelationId"))
        .as(what + ": MS-CorrelationId echoed")
        .contains(correlationId);
    if (response.statusCode() == 200 && request.getPath().endsWith("/utilizations/azure")) {
      JsonNode expected = JSON.readTree(pair.getResponse().getBody().valueAsString());
      JsonNode page = JSON.readTree(response.body());
      reflectsTheQuery(what, request.getQuery(), page);
      if (expected.path("links").isObject() && !expected.path("links").has("next")) {
        JsonNode next = page.path("links").path("next");
        assertThat(next.isMissingNode() || next.isNull())
            .as(
                what
                    + ": the pact's page has no links.next, the answer has one to "
                    + next.path("uri"))
            .isTrue();
      }
    }
  }

  /** Asserts that the records of a first page follow its show_details and granularity. */
  private static void reflectsTheQuery(
      String what, Map<String, List<String>> query, JsonNode page) {
    String details = first(query, "show_details");
    String granularity = first(query, "granularity");
    JsonNode items = page.path("items");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if ("false".equalsIgnoreCase(details)) {
        JsonNode instance = item.path("instanceData");
        assertThat(instance.isMissingNode() || instance.isNull())
            .as(what + ": items[" + i + "] has instanceData though show_details=false")
            .isTrue();
      }
      if (granularity != null) {
        Duration period =
            Duration.between(
                OffsetDateTime.parse(item.path("usageStartTime").asText()),
                OffsetDateTime.parse(item.path("usageEndTime").asText()));
        // The service ends some periods 100 ns early or a fraction of a second late.
        long seconds = period.plusMillis(500).toSeconds();
        Duration expected =
            granularity.equalsIgnoreCase("hourly") ? Duration.ofHours(1) : Duration.ofDays(1);
        assertThat(Duration.ofSeconds(seconds))
            .as(what + ": items[" + i + "] period with granularity=" + granularity)
            .isEqualTo(expected);
      }
    }
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static URI uri(String baseUrl, IRequest request) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    request
        .getQuery()
        .forEach(
            (name, values) ->
                values.forEach(
                    value ->
                        query.add(
                            URLEncoder.encode(name, StandardCharsets.UTF_8)
                                + "="
                                + URLEncoder.encode(
                                    value == null ? "" : value, StandardCharsets.UTF_8))));
    return URI.create(baseUrl + request.getPath() + query);
  }

  /** A tracking id of its own for each interaction, other than the pact's examples. */
  private static String knownId(String kind, String description) {
    return UUID.nameUUIDFromBytes((kind + " " + description).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
