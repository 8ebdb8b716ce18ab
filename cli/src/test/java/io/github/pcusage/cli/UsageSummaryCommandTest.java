package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsageSummaryCommandTest {
  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  static String customer;
  static String subscription;

  @BeforeAll
  static void setUp() {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  @Test
  void jsonIsOneLosslessLine() {
    Cli.Result run = summary(customer, subscription);

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines())
        .singleElement()
        .asString()
        .startsWith("{")
        .endsWith("}")
        .containsPattern("\"totalCost\":[0-9]+\\.[0-9]{20}[,}]")
        .contains("\"resourceId\":\"" + subscription + "\"")
        .contains("\"currencyLocale\":\"fr-FR\"");
  }

  @Test
  void tableShowsOneFieldPerLineWithPlainNumbers() {
    Cli.Result run = summary("scenario-azure-plan", "any-subscription", "--format", "table");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^totalCost +[0-9]+\\.[0-9]{20}$")
        .containsPattern("(?m)^usdTotalCost +[0-9]+\\.[0-9]+$")
        .containsPattern("(?m)^currencyCode +EUR$")
        .contains("resourceName      Azure plan");
  }

  @Test
  void forbiddenExitsWith4() {
    Cli.Result run = summary("scenario-forbidden", subscription);

    assertThat(run.code).isEqualTo(4);
    assertThat(run.stderr).contains("HTTP 403").contains("app+user");
  }

  @Test
  void noUsageIsAnApiErrorWithItsCode() {
    Cli.Result run = summary("scenario-no-usage", subscription);

    assertThat(run.code).isEqualTo(5);
    assertThat(run.stderr).contains("3000");
  }

  @Test
  void worksAgainstTheEmbeddedSandbox() {
    Cli.Result run =
        Cli.run(
            java.util.Map.of(),
            "usage-summary",
            "--sandbox",
            "--customer",
            "d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd",
            "--subscription",
            "1c35c894-4536-3e46-92fe-d09c431d6e81",
            "--format",
            "table");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out()).contains("resourceId        1c35c894-4536-3e46-92fe-d09c431d6e81");
  }

  private static Cli.Result summary(String c, String s, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "usage-summary",
                "--base-url",
                sandbox.baseUrl(),
                "--customer",
                c,
                "--subscription",
                s,
                "--retry-max-wait",
                "0"));
    args.addAll(java.util.Arrays.asList(extra));
    return Cli.run(args.toArray(new String[0]));
  }
}
