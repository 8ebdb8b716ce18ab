package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A tiny real-HTTP client for the sandbox tests: GETs, JSON with exact decimals, page walks. */
final class SandboxHttp {
  static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;

  SandboxHttp(Sandbox sandbox) {
    this.baseUrl = sandbox.baseUrl();
  }

  SandboxHttp(SandboxExtension sandbox) {
    this(sandbox.sandbox());
  }

  /** GETs a path under the API root (e.g. {@code /v1/customers/...}) with a bearer token. */
  HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer test-token")
            .GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** GETs without any Authorization header. */
  HttpResponse<byte[]> getAnonymous(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** Sends a request, throwing on I/O failure. */
  static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Follows {@code links.next} of a page: the path to GET and the headers to send with it. */
  HttpResponse<byte[]> next(JsonNode page) {
    JsonNode next = page.path("links").path("next");
    List<String> headers = new ArrayList<>();
    for (JsonNode header : next.path("headers")) {
      headers.add(header.path("key").asText());
      headers.add(header.path("value").asText());
    }
    return get(resolve(next.path("uri").asText()), headers.toArray(new String[0]));
  }

  /** Turns a next link of any of the three forms into a path under the API root. */
  static String resolve(String uri) {
    if (uri.startsWith("/v1/")) {
      return uri;
    }
    return uri.startsWith("/") ? "/v1" + uri : "/v1/" + uri;
  }

  /** Parses a JSON body with exact decimals. */
  static JsonNode json(HttpResponse<byte[]> response) {
    return json(response.body());
  }

  /** Parses JSON bytes with exact decimals. */
  static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the path of a first utilization page. */
  static String utilization(String customer, String subscription, String query) {
    return "/v1/customers/"
        + customer
        + "/subscriptions/"
        + subscription
        + "/utilizations/azure"
        + (query.isEmpty() ? "" : "?" + query);
  }

  /** Returns the path of a usage summary. */
  static String summary(String customer, String subscription) {
    return "/v1/customers/" + customer + "/subscriptions/" + subscription + "/usagesummary";
  }

  /** Walks every page of a listing; fails on any status but 200. */
  List<JsonNode> walk(String firstPath) {
    List<JsonNode> pages = new ArrayList<>();
    HttpResponse<byte[]> response = get(firstPath);
    while (true) {
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "status "
                + response.statusCode()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      JsonNode page = json(response);
      pages.add(page);
      JsonNode next = page.path("links").path("next");
      if (next.isMissingNode() || next.isNull()) { // scenario-nulls sends "next": null
        return pages;
      }
      response = next(page);
    }
  }

  /** Returns every record of the pages, in order. */
  static List<JsonNode> items(List<JsonNode> pages) {
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode page : pages) {
      page.path("items").forEach(items::add);
    }
    return items;
  }

  /** Identifies a record as an exporter would de-duplicate it. */
  static String identity(JsonNode record) {
    return record.path("resource").path("id").asText()
        + "|"
        + record.path("instanceData").path("resourceUri").asText("-")
        + "|"
        + record.path("usageStartTime").asText()
        + "|"
        + record.path("usageEndTime").asText();
  }
}
