package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterCloud;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --cloud}: {@code usgov} signs in at the US Government authority and calls the public API
 * root; {@code china} (21Vianet) offers neither usage operation, a usage error on one line.
 */
class CloudOptionTest {
  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  static String customer;
  static String subscription;

  @BeforeAll
  static void start() {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  @Test
  void usgovIsTheUsGovernmentCloud() {
    assertThat(CloudOption.USGOV.cloud).isEqualTo(PartnerCenterCloud.US_GOVERNMENT);
    assertThat(CloudOption.USGOV.cloud.authorityHost())
        .isEqualTo("https://login.microsoftonline.us/");
  }

  @Test
  void usgovIsAcceptedInAnyCaseAndABaseUrlStillWins() {
    Cli.Result run = Cli.run(Cli.utilization(sandbox, customer, subscription, "--cloud", "USGov"));

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out()).isNotEmpty();
  }

  @Test
  void helpNamesEveryCloud() {
    Cli.Result run = Cli.run("utilization", "--help");

    assertThat(run.out().replaceAll("\\s+", " ")).contains("public, usgov or china");
  }

  @Test
  void chinaIsAUsageErrorOnOneLineBeforeAnyRequest() {
    long before = sandbox.requestCount();
    String[][] commands = {
      {"utilization", "--start", "2026-10-01", "--end", "2026-11-01"}, {"usage-summary"}
    };
    for (String[] command : commands) {
      String[] ids = {"--cloud", "china", "--customer", customer, "--subscription", subscription};
      String[] args = new String[command.length + ids.length];
      System.arraycopy(command, 0, args, 0, command.length);
      System.arraycopy(ids, 0, args, command.length, ids.length);
      Cli.Result run = Cli.run(args);

      assertThat(run.code).as(run.toString()).isEqualTo(ExitCode.USAGE);
      assertThat(run.errLines()).as(run.stderr).singleElement().asString().contains("21Vianet");
      assertThat(run.stderr).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(run.out()).isEmpty();
    }
    assertThat(sandbox.requestCount()).isEqualTo(before);
  }
}
