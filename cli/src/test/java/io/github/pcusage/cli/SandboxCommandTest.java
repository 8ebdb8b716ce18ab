package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SandboxCommandTest {
  @Test
  void runsUntilInterruptedPrintingItsBaseUrlAndIds() throws Exception {
    PipedInputStream pipe = new PipedInputStream(1 << 16);
    PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread command =
        new Thread(
            () ->
                exit.complete(
                    Main.run(
                        new String[] {
                          "sandbox",
                          "--seed",
                          "7",
                          "--customers",
                          "2",
                          "--records",
                          "40",
                          "--page-cache-mb",
                          "1"
                        },
                        out,
                        System.err,
                        Map.of())));
    command.start();

    BufferedReader reader = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null && !line.startsWith("running until interrupted")) {
      lines.add(line);
    }
    String baseUrl =
        lines.get(0).replaceAll(".*listening on (http://127\\.0\\.0\\.1:[0-9]+).*", "$1");
    String customer =
        lines.stream()
            .filter(l -> l.startsWith("customer "))
            .findFirst()
            .orElseThrow()
            .split(" ")[1];
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            baseUrl
                                + "/v1/customers/"
                                + customer
                                + "/subscriptions/x/usagesummary"))
                    .header("Authorization", "Bearer t")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(lines.get(0)).startsWith("Partner Center sandbox listening on http://127.0.0.1:");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "try: PARTNER_CENTER_TOKEN=any pcusage utilization --base-url " + baseUrl));
    assertThat(response.statusCode())
        .isEqualTo(404); // a customer of the data set, a subscription that is not
    command.interrupt();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void badFaultSpecIsAUsageError() {
    Cli.Result run = Cli.run("sandbox", "--faults", "418=0.5");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--faults").contains("418");
  }

  @Test
  void helpListsTheSandboxOptionsWithTheirDefaults() {
    Cli.Result run = Cli.run("sandbox", "--help");

    assertThat(run.code).isZero();
    assertThat(run.outLines())
        .containsSubsequence(
            "      --port=P             Port on 127.0.0.1; 0 picks a free one (default: 0).",
            "      --seed=S             Seed of the data set (default: 42).",
            "      --customers=N        Customers (default: 3).",
            "      --subscriptions=M    Subscriptions per customer (default: 2).",
            "      --records=K          Daily records per subscription (default: 2500).",
            "      --latency-ms=L       Fixed delay before every answer, in ms (default: 0).",
            "      --faults=SPEC        Faults to inject, e.g. 429=0.05,500=0.02,204-next=0.",
            "                             05,reset=0.01,seed=7 (default: none).",
            "      --page-cache-mb=MB   Memory for rendered pages, in MiB; 0 renders every",
            "                             page (default: 64).",
            "  -h, --help               Show this help message and exit.");
  }

  @Test
  void aValueThatIsNotANumberOrThatTheSandboxRefusesIsAUsageErrorNamingTheOption() {
    Cli.Result notANumber = Cli.run("sandbox", "--latency-ms", "x");
    Cli.Result refused = Cli.run("sandbox", "--port", "70000");
    Cli.Result negativeCache = Cli.run("sandbox", "--page-cache-mb", "-1");

    assertThat(notANumber.code).isEqualTo(2);
    assertThat(notANumber.errLines())
        .containsExactly(
            "pcusage sandbox: Invalid value for option '--latency-ms': 'x' is not a long"
                + " (see 'pcusage sandbox --help')");
    assertThat(refused.code).isEqualTo(2);
    assertThat(refused.errLines()).containsExactly("pcusage: --port: port out of range: 70000");
    assertThat(negativeCache.code).isEqualTo(2);
    assertThat(negativeCache.errLines())
        .containsExactly("pcusage: --page-cache-mb: page cache < 0 MiB: -1");
  }
}
