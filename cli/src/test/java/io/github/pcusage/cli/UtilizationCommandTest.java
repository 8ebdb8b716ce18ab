package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UtilizationCommandTest {
  static final List<String> DOCUMENTED_CSV_COLUMNS =
      List.of(
          "usageStartTime",
          "usageEndTime",
          "resourceId",
          "resourceName",
          "resourceCategory",
          "resourceSubcategory",
          "resourceRegion",
          "quantity",
          "unit",
          "resourceUri",
          "location",
          "partNumber",
          "orderNumber",
          "tags",
          "additionalInfo",
          "infoFields");

  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  static String customer;
  static String subscription;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  @Test
  void streamsJsonlToStdoutOneRecordPerLine() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, customer, subscription, "--page-size", "25"));

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines())
        .hasSizeGreaterThan(50)
        .allSatisfy(
            line -> {
              assertThat(line).startsWith("{\"usageStartTime\":\"").endsWith("}");
              assertThat(line).contains("\"quantity\":").contains("\"resource\":{");
            });
    assertThat(run.stderr).isEmpty();
  }

  @Test
  void jsonlKeepsDecimalsAndDatesDigitForDigit() throws Exception {
    String wire = rawFirstPage(customer, subscription, "&size=1000");
    Cli.Result run = Cli.run(Cli.utilization(sandbox, customer, subscription));

    assertThat(run.code).as(run.toString()).isZero();
    List<String> wireQuantities = all(wire, "\"quantity\"\\s*:\\s*([-0-9.eE+]+)");
    assertThat(wireQuantities).hasSizeGreaterThan(50);
    assertThat(all(run.out(), "\"quantity\":([-0-9.eE+]+)")).isEqualTo(wireQuantities);
    assertThat(wireQuantities)
        .anySatisfy(
            q ->
                assertThat(q.replace(".", "").replaceAll("^0+", ""))
                    .hasSizeGreaterThanOrEqualTo(17));
    assertThat(all(run.out(), "\"usageEndTime\":\"([^\"]+)\""))
        .isEqualTo(all(wire, "\"usageEndTime\"\\s*:\\s*\"([^\"]+)\""));
    assertThat(all(run.out(), "\"resourceUri\":\"([^\"]+)\""))
        .isEqualTo(all(wire, "\"resourceUri\"\\s*:\\s*\"([^\"]+)\""));
  }

  @Test
  void csvHasTheDocumentedColumnsAndPlainNumbers() throws Exception {
    String wire = rawFirstPage(customer, subscription, "&size=1000");
    Cli.Result run =
        Cli.run(
            Cli.utilization(
                sandbox, customer, subscription, "--format", "csv", "--page-size", "7"));

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines().get(0)).isEqualTo(String.join(",", DOCUMENTED_CSV_COLUMNS));
    List<CSVRecord> rows = csv(run.out());
    List<String> quantities = new ArrayList<>();
    for (CSVRecord row : rows) {
      assertThat(row.size()).isEqualTo(DOCUMENTED_CSV_COLUMNS.size());
      quantities.add(row.get("quantity"));
      assertThat(row.get("quantity")).matches("[0-9]+(\\.[0-9]+)?");
      String tags = row.get("tags");
      assertThat(tags.isEmpty() || tags.startsWith("{")).as(tags).isTrue();
    }
    assertThat(quantities).isEqualTo(all(wire, "\"quantity\"\\s*:\\s*([-0-9.eE+]+)"));
    assertThat(rows)
        .anySatisfy(row -> assertThat(row.get("tags")).startsWith("{\"").endsWith("\"}"));
  }

  @Test
  void outWritesTheFileAtomicallyAndLeavesNoPartialOrCheckpoint() throws Exception {
    Path out = tmp.resolve("oct.jsonl");
    Cli.Result toFile =
        Cli.run(
            Cli.utilization(
                sandbox, customer, subscription, "--page-size", "20", "--out", out.toString()));
    Cli.Result toStdout =
        Cli.run(Cli.utilization(sandbox, customer, subscription, "--page-size", "20"));

    assertThat(toFile.code).as(toFile.toString()).isZero();
    assertThat(toFile.stdout).isEmpty();
    assertThat(Files.readAllBytes(out)).isEqualTo(toStdout.stdout);
    assertThat(tmp.resolve("oct.jsonl.partial")).doesNotExist();
    assertThat(tmp.resolve("oct.jsonl.checkpoint")).doesNotExist();
    assertThat(toFile.stderr)
        .contains("wrote " + toStdout.outLines().size() + " records to " + out);
  }

  @Test
  void acceptsDatesDateTimesAndOffsetsWithTheSameWindow() {
    Cli.Result date = Cli.run(Cli.utilization(sandbox, customer, subscription));
    Cli.Result zulu =
        Cli.run(
            "utilization",
            "--base-url",
            sandbox.baseUrl(),
            "--customer",
            customer,
            "--subscription",
            subscription,
            "--start",
            "2026-10-01T00:00:00Z",
            "--end",
            "2026-11-01T02:00:00+02:00");

    assertThat(zulu.code).as(zulu.toString()).isZero();
    assertThat(zulu.stdout).isEqualTo(date.stdout);
  }

  @Test
  void adjacentWindowsNeverShareARecord() {
    Cli.Result whole = Cli.run(Cli.utilization(sandbox, customer, subscription));
    Cli.Result first =
        Cli.run(
            "utilization",
            "--base-url",
            sandbox.baseUrl(),
            "--customer",
            customer,
            "--subscription",
            subscription,
            "--start",
            "2026-10-01",
            "--end",
            "2026-10-15");
    Cli.Result second =
        Cli.run(
            "utilization",
            "--base-url",
            sandbox.baseUrl(),
            "--customer",
            customer,
            "--subscription",
            subscription,
            "--start",
            "2026-10-15",
            "--end",
            "2026-11-01");

    List<String> joined = new ArrayList<>(first.outLines());
    joined.addAll(second.outLines());
    assertThat(first.outLines()).isNotEmpty();
    assertThat(second.outLines()).isNotEmpty();
    assertThat(joined).isEqualTo(whole.outLines());
  }

  @Test
  void noDetailsAggregatesWithoutInstanceData() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, customer, subscription, "--no-details"));

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines()).isNotEmpty().noneMatch(line -> line.contains("\"instanceData\""));
  }

  @Test
  void hourlyGranularitySplitsDays() {
    Cli.Result daily = Cli.run(Cli.utilization(sandbox, customer, subscription));
    Cli.Result hourly =
        Cli.run(Cli.utilization(sandbox, customer, subscription, "--granularity", "hourly"));

    assertThat(hourly.code).as(hourly.toString()).isZero();
    assertThat(hourly.outLines()).hasSize(24 * daily.outLines().size());
  }

  @Test
  void emptyListingGetsAOneLineHint() {
    Cli.Result daily = Cli.run(Cli.utilization(sandbox, "scenario-no-usage", subscription));
    Cli.Result hourly =
        Cli.run(
            Cli.utilization(sandbox, "scenario-no-usage", subscription, "--granularity", "HOURLY"));
    Cli.Result quiet =
        Cli.run(Cli.utilization(sandbox, "scenario-no-usage", subscription, "--quiet"));

    assertThat(daily.code).isZero();
    assertThat(daily.stdout).isEmpty();
    assertThat(daily.errLines())
        .singleElement()
        .asString()
        .startsWith("pcusage: hint: ")
        .contains("Azure plan");
    assertThat(hourly.errLines())
        .singleElement()
        .asString()
        .startsWith("pcusage: hint: the hourly listing is empty");
    assertThat(quiet.stderr).isEmpty();
  }

  @Test
  void explicitNullsOfTheServiceAreReadAsAbsentValues() {
    Cli.Result jsonl =
        Cli.run(Cli.utilization(sandbox, "scenario-nulls", subscription, "--page-size", "7"));
    Cli.Result csv =
        Cli.run(
            Cli.utilization(
                sandbox, "scenario-nulls", subscription, "--page-size", "7", "--format", "csv"));

    assertThat(jsonl.code).as(jsonl.toString()).isZero();
    assertThat(jsonl.outLines()).hasSizeGreaterThan(7);
    assertThat(jsonl.out())
        .contains(
            "\"unit\":null", "\"infoFields\":null", "\"instanceData\":null", "\"region\":null");
    assertThat(csv.code).as(csv.toString()).isZero();
    assertThat(csv.outLines()).hasSize(jsonl.outLines().size() + 1);
  }

  @Test
  void idsInUpperCaseListTheSameRecords() {
    Cli.Result lower = Cli.run(Cli.utilization(sandbox, customer, subscription));
    Cli.Result upper =
        Cli.run(
            Cli.utilization(
                sandbox, customer.toUpperCase(Locale.ROOT), subscription.toUpperCase(Locale.ROOT)));

    assertThat(upper.code).as(upper.toString()).isZero();
    assertThat(upper.stdout).isNotEmpty().isEqualTo(lower.stdout);
  }

  @Test
  void verbosePrintsEachRequestButNoHeaderValue() {
    Cli.Result run =
        Cli.run(Cli.utilization(sandbox, customer, subscription, "--page-size", "25", "--verbose"));

    assertThat(run.code).as(run.toString()).isZero();
    List<String> requests =
        run.errLines().stream().filter(l -> l.startsWith("pcusage: http: GET ")).toList();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0))
        .contains(
            "/v1/customers/" + customer + "/subscriptions/" + subscription + "/utilizations/azure?")
        .contains("start_time=2026-10-01T00:00:00Z")
        .contains("-> 200 attempt 1")
        .containsPattern("request-id [0-9a-f-]{36}");
    assertThat(requests.get(1)).contains("seek_operation=Next");
    assertThat(run.stderr)
        .doesNotContain(Cli.TOKEN)
        .doesNotContainIgnoringCase("bearer")
        .doesNotContain("opaque")
        .doesNotContain("continuation_token")
        .doesNotContain("%3d");
  }

  @Test
  void sandboxOptionStartsAnEmbeddedSandboxWithTheSeed42Ids() {
    Cli.Result run =
        Cli.run(
            java.util.Map.of(),
            "utilization",
            "--sandbox",
            "--customer",
            "d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd",
            "--subscription",
            "1c35c894-4536-3e46-92fe-d09c431d6e81",
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSizeGreaterThan(2000);
    assertThat(run.stderr).isEmpty();
  }

  @Test
  void trailingV1OfTheBaseUrlIsStripped() {
    Cli.Result run =
        Cli.run(
            "utilization",
            "--base-url",
            sandbox.baseUrl() + "/v1/",
            "--customer",
            customer,
            "--subscription",
            subscription,
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSizeGreaterThan(50);
  }

  @Test
  void dataNotReadyIsWaitedForWithoutNoWait() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, "scenario-not-ready-2", subscription));

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines()).isNotEmpty();
  }

  static String rawFirstPage(String customer, String subscription, String extraQuery)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    sandbox.baseUrl()
                        + "/v1/customers/"
                        + customer
                        + "/subscriptions/"
                        + subscription
                        + "/utilizations/azure?start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z"
                        + extraQuery))
            .header("Authorization", "Bearer x")
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("\"next\"");
    return response.body();
  }

  static List<String> all(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  static List<CSVRecord> csv(String text) throws Exception {
    try (CSVParser parser =
        CSVParser.parse(
            text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }
}
