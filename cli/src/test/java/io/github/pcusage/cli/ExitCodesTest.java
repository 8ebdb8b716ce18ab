package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exit code of the documented table: usage errors as one line on stderr without a stack
 * trace, data not ready, authentication, API failures with their codes and ids, local file errors.
 */
class ExitCodesTest {
  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  static String customer;
  static String subscription;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  /**
   * A command line that is a usage error: exit 2, one line on stderr that holds every one of {@code
   * named}, no stack trace, nothing on stdout.
   */
  record UsageError(String name, String[] args, String... named) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<UsageError> usageErrors() {
    return Stream.of(
        new UsageError(
            "an unknown option",
            Cli.utilization(sandbox, customer, subscription, "--bogus"),
            "--bogus"),
        new UsageError(
            "a bad date, named with its option",
            window(sandbox.baseUrl(), "2026/10/01", "2026-11-01"),
            "--start",
            "2026/10/01"),
        new UsageError(
            "a date-time without offset",
            window(sandbox.baseUrl(), "2026-10-01", "2026-11-01T00:00:00"),
            "--end"),
        new UsageError(
            "start after end",
            window(sandbox.baseUrl(), "2026-11-01", "2026-10-01"),
            "--start",
            "--end"),
        new UsageError(
            "page size 0",
            Cli.utilization(sandbox, customer, subscription, "--page-size", "0"),
            "--page-size"),
        new UsageError(
            "missing ids",
            new String[] {
              "utilization",
              "--base-url",
              sandbox.baseUrl(),
              "--start",
              "2026-10-01",
              "--end",
              "2026-11-01"
            },
            "--customer",
            "--subscription"),
        new UsageError(
            "a malformed id, named with its option",
            Cli.utilization(sandbox, customer, "a/../b"),
            "--subscription"),
        new UsageError(
            "plain http to a non-loopback host",
            window("http://partner.example", "2026-10-01", "2026-11-01"),
            "--base-url"));
  }

  /** {@code utilization} of the test's subscription at {@code baseUrl} from start to end. */
  private static String[] window(String baseUrl, String start, String end) {
    return new String[] {
      "utilization",
      "--base-url",
      baseUrl,
      "--customer",
      customer,
      "--subscription",
      subscription,
      "--start",
      start,
      "--end",
      end
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void aBadCommandLineIsAUsageErrorOnOneLineNamingTheOption(UsageError error) {
    Cli.Result run = Cli.run(error.args);

    assertOneUsageLine(run, error.named[0]);
    assertThat(run.stderr).contains(error.named);
  }

  @Test
  void unreadableTargetsFileIsAUsageError() {
    Cli.Result run =
        Cli.run(
            "export",
            "--base-url",
            sandbox.baseUrl(),
            "--targets",
            tmp.resolve("missing.csv").toString(),
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01");

    assertOneUsageLine(run, "--targets");
    assertThat(run.stderr).contains("missing.csv");
  }

  @Test
  void targetsFileWithoutHeaderIsAUsageError() throws Exception {
    Path targets = Files.writeString(tmp.resolve("t.csv"), customer + "," + subscription + "\n");
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
            "2026-11-01");

    assertOneUsageLine(run, "--targets");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Cli.Result run = Cli.run("utilisation");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("utilisation");
  }

  @Test
  void noWaitExitsWith3AtOnceWhenDataIsNotReady() {
    long before = sandbox.requestCount();
    Cli.Result run =
        Cli.run(Cli.utilization(sandbox, "scenario-not-ready", subscription, "--no-wait"));

    assertThat(run.code).as(run.toString()).isEqualTo(3);
    assertThat(sandbox.requestCount() - before).isEqualTo(1);
    assertThat(run.stderr).contains("not ready").contains("MS-RequestId");
  }

  @Test
  void unauthorizedExitsWith4() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, "scenario-unauthorized", subscription));

    assertThat(run.code).as(run.toString()).isEqualTo(4);
    assertThat(run.stderr).contains("HTTP 401").contains("MS-RequestId").doesNotContain(Cli.TOKEN);
  }

  @Test
  void forbiddenExitsWith4() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, "scenario-forbidden", subscription));

    assertThat(run.code).as(run.toString()).isEqualTo(4);
    assertThat(run.stderr).contains("HTTP 403").contains("20002");
  }

  @Test
  void missingTokenExitsWith4() {
    Cli.Result run = Cli.run(Map.of(), Cli.utilization(sandbox, customer, subscription));

    assertThat(run.code).isEqualTo(4);
    assertThat(run.errLines()).singleElement().asString().contains("PARTNER_CENTER_TOKEN");
  }

  @Test
  void tokenEnvNamesTheVariable() {
    Cli.Result run =
        Cli.run(
            Map.of("MY_TOKEN", "abc"),
            Cli.utilization(sandbox, customer, subscription, "--token-env", "MY_TOKEN"));

    assertThat(run.code).as(run.toString()).isZero();
  }

  @Test
  void secretIsNeverAnOptionValue() {
    Cli.Result run =
        Cli.run(
            Map.of(),
            Cli.utilization(
                sandbox,
                customer,
                subscription,
                "--tenant",
                "contoso.example",
                "--client-id",
                "11111111-2222-3333-4444-555555555555"));

    assertOneUsageLine(run, "AZURE_CLIENT_SECRET");
  }

  @Test
  void serverErrorAfterRetriesExitsWith5WithCodeAndRequestId() {
    Cli.Result run =
        Cli.run(
            Cli.utilization(
                sandbox, "scenario-server-error", subscription, "--retry-max-attempts", "2"));

    assertThat(run.code).as(run.toString()).isEqualTo(5);
    assertThat(run.errLines().get(0))
        .contains("HTTP 500")
        .contains("800003")
        .contains("MS-RequestId");
  }

  @Test
  void failingFollowUpPageExitsWith5AfterWritingTheFirstPages() {
    Cli.Result run =
        Cli.run(
            Cli.utilization(
                sandbox,
                "scenario-next-server-error",
                subscription,
                "--page-size",
                "10",
                "--retry-max-attempts",
                "2"));

    assertThat(run.code).as(run.toString()).isEqualTo(5);
    assertThat(run.outLines()).hasSize(10);
    assertThat(run.stderr)
        .contains("800003")
        .contains("10 records were written before the failure");
  }

  @Test
  void utilizationNotFoundExitsWith5InOneLineNamingTheAzurePlanCause() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, "scenario-not-found", subscription));

    assertThat(run.code).as(run.toString()).isEqualTo(5);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("HTTP 404")
        .contains("20003")
        .contains("Azure plan subscription, which the utilization endpoint does not serve");
  }

  @Test
  void usageSummaryNotFoundNamesTheUsageSummaryCausesNotTheUtilizationOnes() {
    Cli.Result run =
        Cli.run(
            "usage-summary",
            "--base-url",
            sandbox.baseUrl(),
            "--customer",
            "scenario-not-found",
            "--subscription",
            subscription,
            "--retry-max-wait",
            "0");

    assertThat(run.code).as(run.toString()).isEqualTo(5);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("GET usage summary")
        .contains("HTTP 404")
        .contains("the usage summary serves legacy and Azure plan subscriptions alike")
        .doesNotContain("utilization");
  }

  @Test
  void notReadyAdviceMentionsNoWaitOnlyWhenItWasGiven() {
    Cli.Result waited = Cli.run(Cli.utilization(sandbox, "scenario-not-ready", subscription));
    Cli.Result noWait =
        Cli.run(Cli.utilization(sandbox, "scenario-not-ready", subscription, "--no-wait"));

    assertThat(waited.code).as(waited.toString()).isEqualTo(3);
    assertThat(waited.errLines())
        .singleElement()
        .asString()
        .endsWith("Try again later")
        .doesNotContain("--no-wait");
    assertThat(noWait.code).as(noWait.toString()).isEqualTo(3);
    assertThat(noWait.errLines())
        .singleElement()
        .asString()
        .endsWith("Try again later, or without --no-wait to wait for it");
  }

  @Test
  void aBaseUrlWithAPasswordIsAUsageErrorThatNeverRepeatsIt() {
    String secret = "s3cret-Pa55";
    String url = sandbox.baseUrl().replace("http://", "http://billing:" + secret + "@");
    Path out = tmp.resolve("out.jsonl");

    String[] args = Cli.utilization(sandbox, customer, subscription, "--out", out.toString());
    args[List.of(args).indexOf("--base-url") + 1] = url;

    Cli.Result refused = Cli.run(args);

    assertOneUsageLine(refused, "--base-url");
    assertThat(refused.stderr)
        .contains("user name or password")
        .doesNotContain(secret)
        .doesNotContain("billing")
        .doesNotContain("--resume");
    assertThat(tmp.resolve("out.jsonl.checkpoint")).doesNotExist();
  }

  @Test
  void azurePlanSubscriptionExitsWith5InOneLineWithTheServicesDescriptionAndTheCause() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, "scenario-azure-plan", subscription));

    assertThat(run.code).as(run.toString()).isEqualTo(5);
    assertThat(run.stdout).isEmpty();
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("HTTP 404")
        .contains(
            "Subscription id '" + subscription + "' provided was not found under this customer.")
        .contains("an Azure plan subscription, which the utilization endpoint does not serve");
  }

  @Test
  void unwritableOutExitsWith6() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Cli.Result run =
        Cli.run(
            Cli.utilization(
                sandbox, customer, subscription, "--out", file.resolve("out.jsonl").toString()));

    assertThat(run.code).as(run.toString()).isEqualTo(6);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("--out")
        .contains("out.jsonl.partial");
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Result top = Cli.run("--help");
    Cli.Result utilization = Cli.run("utilization", "--help");

    assertThat(top.code).isZero();
    assertThat(top.out())
        .contains("Exit codes:")
        .contains("3   data not ready")
        .contains("6   local file error")
        .contains("utilization")
        .contains("usage-summary")
        .contains("export")
        .contains("sandbox");
    assertThat(utilization.out())
        .contains("--no-wait")
        .contains("--token-env")
        .contains("Exit codes:")
        .doesNotContain("--retry-max-wait");
  }

  private static void assertOneUsageLine(Cli.Result run, String named) {
    assertThat(run.code).as(run.toString()).isEqualTo(2);
    assertThat(run.errLines()).as(run.stderr).singleElement().asString().contains(named);
    assertThat(run.stderr).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.stdout).isEmpty();
  }
}
