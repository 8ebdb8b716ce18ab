package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpServer;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format jsonl} writes each record's JSON exactly as the service sent it: the lines are
 * compared byte for byte with the records of the raw pages, fetched with {@code java.net.http} and
 * split with Jackson (not with the CLI's own Moshi code), {@code scenario-quirks} included, and
 * with a hand-written pretty-printed page ({@code +00:00}, {@code .1000000}, numbers in {@code
 * additionalInfo}, unknown fields).
 */
class JsonlAsReceivedTest {
  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  static String customer;
  static String subscription;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(1);
  }

  @Test
  void everyLineIsTheRecordsBytesAsTheSandboxSentThem() throws Exception {
    List<String> wire = wireRecords(rawPage(sandbox.baseUrl(), customer, subscription));
    Cli.Result run = Cli.run(Cli.utilization(sandbox, customer, subscription, "--page-size", "7"));

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(wire).hasSizeGreaterThan(50);
    assertThat(run.outLines()).isEqualTo(wire);
    assertThat(run.out()).endsWith("}\n");
  }

  @Test
  void quirkyRecordsKeepNumbersInAdditionalInfoUnknownFieldsAndStringShapes() throws Exception {
    List<String> wire = wireRecords(rawPage(sandbox.baseUrl(), "scenario-quirks", subscription));
    Path out = tmp.resolve("quirks.jsonl");
    Cli.Result run =
        Cli.run(
            Cli.utilization(
                sandbox,
                "scenario-quirks",
                subscription,
                "--page-size",
                "5",
                "--out",
                out.toString()));

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).isEqualTo(wire);
    assertThat(wire)
        .anySatisfy(
            r -> assertThat(r).containsPattern("\"additionalInfo\":\\{[^}]*\"CoreCount\":2\\}"));
    assertThat(wire).anySatisfy(r -> assertThat(r).contains("\"billingContext\":{\"version\":2}"));
    assertThat(wire).anySatisfy(r -> assertThat(r).contains("\"tags\":\"\""));
    assertThat(wire).anySatisfy(r -> assertThat(r).contains("\"instanceData\":\"{"));
    assertThat(wire)
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsPattern("\"usageEndTime\":\"[^\"]*\\.[0-9]{7}[-+][0-9:]{5}\""));
  }

  @Test
  void exportPutsTheTargetIdsBeforeTheRecordsOwnBytes() throws Exception {
    Path targets = tmp.resolve("targets.csv");
    Files.writeString(
        targets,
        "customer,subscription\n"
            + customer
            + ","
            + subscription
            + "\n"
            + "scenario-quirks,"
            + subscription
            + "\n");
    List<String> expected = new ArrayList<>();
    for (String c : List.of(customer, "scenario-quirks")) {
      for (String record : wireRecords(rawPage(sandbox.baseUrl(), c, subscription))) {
        expected.add(
            "{\"customerId\":\""
                + c
                + "\",\"subscriptionId\":\""
                + subscription
                + "\","
                + record.substring(1));
      }
    }
    Cli.Result run =
        Cli.run(
            "export",
            "--base-url",
            sandbox.baseUrl(),
            "--targets",
            targets.toString(),
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01",
            "--page-size",
            "9",
            "--parallel",
            "2",
            "--retry-max-wait",
            "0",
            "--quiet");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines()).isEqualTo(expected);
  }

  @Test
  void offsetsFractionsNumbersAndUnknownFieldsOfAPrettyPrintedPageComeOutAsSentOnOneLineEach()
      throws Exception {
    String first =
        "{\"usageStartTime\":\"2026-10-01T00:00:00+00:00\",\"usageEndTime\":\"2026-10-01T23:59:59.1000000+00:00\","
            + "\"resource\":{\"id\":\"m1\",\"name\":\"D2 v3\",\"category\":\"Virtual Machines\",\"subcategory\":\"Dv3\","
            + "\"region\":\"US East\"},\"quantity\":1.000000000000000000,\"unit\":\"1 Hour\",\"infoFields\":{},"
            + "\"instanceData\":{\"resourceUri\":\"/subscriptions/s/rg\",\"location\":\"eastus\",\"partNumber\":\"\","
            + "\"orderNumber\":\"\",\"tags\":{\"costCenter\":\"42\"},\"additionalInfo\":{\"CoreCount\":2,\"Ratio\":0.50}},"
            + "\"futureField\":{\"nested\":[1,2.0,null]},\"attributes\":{\"objectType\":\"AzureUtilizationRecord\"}}";
    String second =
        "{\"usageStartTime\":\"2026-10-01T00:00:00Z\",\"usageEndTime\":\"2026-10-02T00:00:00-00:00\","
            + "\"resource\":{\"id\":\"m2\",\"name\":\"Storage\",\"category\":\"Storage\",\"subcategory\":\"Blob\","
            + "\"region\":\"EU West\"},\"quantity\":24,\"unit\":\"1 GB/Month\",\"infoFields\":{\"Project\":\"caf\\u00e9\"},"
            + "\"attributes\":{\"objectType\":\"AzureUtilizationRecord\"}}";
    String page =
        "{\n  \"totalCount\": 2,\n  \"items\": [\n    "
            + first
            + ",\n    "
            + indent(second)
            + "\n  ],\n  \"links\": {\"self\": {\"uri\": \"x\", \"method\": \"GET\", \"headers\": []}},\n"
            + "  \"attributes\": {\"objectType\": \"Collection\"}\n}\n";
    for (boolean echoRequestId : new boolean[] {true, false}) {
      HttpServer server = fixedPageServer(page, echoRequestId);
      try {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Cli.Result run =
            Cli.run(
                "utilization",
                "--base-url",
                base,
                "--customer",
                "c",
                "--subscription",
                "s",
                "--start",
                "2026-10-01",
                "--end",
                "2026-11-01",
                "--retry-max-wait",
                "0");

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.outLines())
            .as("echo MS-RequestId: " + echoRequestId)
            .containsExactly(first, second);
      } finally {
        server.stop(0);
      }
    }
  }

  @Test
  void aPageOfManyChunksWithARepeatedItemsMemberComesOutAsTheLastItemsSent() throws Exception {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      records.add(
          "{\"usageStartTime\":\"2026-10-01T00:00:00+00:00\",\"usageEndTime\":\"2026-10-02T00:00:00+00:00\","
              + "\"resource\":{\"id\":\"meter-"
              + i
              + "\",\"name\":\"D2 v3\",\"category\":\"Virtual Machines\",\"subcategory\":\"Dv3\","
              + "\"region\":\"US East\"},\"quantity\":0."
              + (1_000_000_007L * (i + 1))
              + ",\"unit\":\"1 Hour\",\"infoFields\":{},"
              + "\"instanceData\":{\"resourceUri\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/"
              + "virtualMachines/vm-"
              + i
              + "\",\"location\":\"eastus\",\"partNumber\":\"\",\"orderNumber\":\"\",\"tags\":{},"
              + "\"additionalInfo\":{}},\"attributes\":{\"objectType\":\"AzureUtilizationRecord\"}}");
    }
    String decoy = records.get(0).replace("meter-0", "decoy");
    // A repeated member: the last one counts, for the SDK's decoding and for the lines written.
    String page =
        "{\"totalCount\":400,\"items\":["
            + decoy
            + "],\"items\":["
            + String.join(",", records)
            + "],\"links\":{},\"attributes\":{\"objectType\":\"Collection\"}}";
    assertThat(page.length()).isGreaterThan(3 * PageBuffer.CHUNK); // spans several chunks
    HttpServer server = fixedPageServer(page, true);
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Cli.Result run =
          Cli.run(
              "utilization",
              "--base-url",
              base,
              "--customer",
              "c",
              "--subscription",
              "s",
              "--start",
              "2026-10-01",
              "--end",
              "2026-11-01");

      assertThat(run.code).as(run.toString()).isZero();
      assertThat(run.outLines()).isEqualTo(records);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void csvIsStillBuiltFromTheDecodedRecords() {
    Cli.Result run =
        Cli.run(Cli.utilization(sandbox, "scenario-quirks", subscription, "--format", "csv"));

    assertThat(run.code).as(run.toString()).isZero();
    // the SDK's model holds additionalInfo values as strings: CSV cells are built from it
    assertThat(run.out()).contains("\"\"CoreCount\"\":\"\"2\"\"}");
  }

  private static String indent(String json) {
    return json.replace(",\"", ",\n      \"").replace("{\"", "{\n      \"");
  }

  private static HttpServer fixedPageServer(String page, boolean echoRequestId) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
          if (echoRequestId) {
            exchange
                .getResponseHeaders()
                .add("MS-RequestId", exchange.getRequestHeaders().getFirst("MS-RequestId"));
          }
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }

  /** One page holding the whole October listing of a pair, as raw bytes. */
  static byte[] rawPage(String baseUrl, String customer, String subscription) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl
                        + "/v1/customers/"
                        + customer
                        + "/subscriptions/"
                        + subscription
                        + "/utilizations/azure?start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&size=1000"))
            .header("Authorization", "Bearer x")
            .build();
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The bytes of each element of the page's {@code items}, found with Jackson's byte offsets. */
  static List<String> wireRecords(byte[] page) throws IOException {
    List<String> records = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(page)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("items")) {
          assertThat(value).isEqualTo(JsonToken.START_ARRAY);
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
            records.add(new String(page, start, end - start, StandardCharsets.UTF_8));
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    assertThat(new String(page, StandardCharsets.UTF_8)).doesNotContain("\"next\"");
    return records;
  }
}
