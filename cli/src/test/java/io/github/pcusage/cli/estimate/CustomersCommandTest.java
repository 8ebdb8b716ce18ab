package io.github.pcusage.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pcusage customers}: the table shows every subscription with its kind; {@code --format csv}
 * is a targets file that {@code estimate --targets} takes back, with the same result as the
 * estimate of every customer.
 */
class CustomersCommandTest {
  @RegisterExtension
  static final SandboxExtension SANDBOX =
      SandboxExtension.builder()
          .seed(42)
          .customers(2)
          .subscriptionsPerCustomer(2)
          .recordsPerSubscription(100)
          .build();

  @TempDir Path tmp;

  @Test
  void theTableListsEverySubscriptionWithItsKind() {
    EstimateCli.Result run =
        EstimateCli.run("customers", "--base-url", SANDBOX.baseUrl(), "--retry-max-wait", "0");

    assertThat(run.code()).as(run.toString()).isZero();
    List<String> lines = List.of(run.out().split("\n"));
    assertThat(lines.get(0))
        .startsWith("CUSTOMER")
        .contains("NAME", "SUBSCRIPTION", "OFFER", "KIND");
    for (String customer : SANDBOX.customerIds()) {
      for (String subscription : SANDBOX.subscriptionIds(customer)) {
        assertThat(lines)
            .anySatisfy(
                l -> assertThat(l).startsWith(customer).contains(subscription).endsWith("SERVED"));
      }
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).endsWith("AZURE_PLAN"));
  }

  @Test
  void theCsvIsATargetsFileThatEstimateTakesBack() throws Exception {
    Path targets = tmp.resolve("targets.csv");
    EstimateCli.Result list =
        EstimateCli.run(
            "customers",
            "--base-url",
            SANDBOX.baseUrl(),
            "--format",
            "csv",
            "--out",
            targets.toString());
    assertThat(list.code()).as(list.toString()).isZero();
    List<String> rows = Files.readAllLines(targets);
    assertThat(rows.get(0)).isEqualTo("customer,subscription");
    assertThat(rows).hasSize(1 + 4);
    for (String customer : SANDBOX.customerIds()) {
      for (String subscription : SANDBOX.subscriptionIds(customer)) {
        assertThat(rows).contains(customer + "," + subscription);
      }
    }

    Path all = tmp.resolve("all");
    Path limited = tmp.resolve("limited");
    EstimateCli.Result everyone = EstimateCli.run(EstimateCli.estimate(SANDBOX.sandbox(), all));
    EstimateCli.Result fromFile =
        EstimateCli.run(
            EstimateCli.estimate(SANDBOX.sandbox(), limited, "--targets", targets.toString()));

    assertThat(everyone.code()).as(everyone.toString()).isZero();
    assertThat(fromFile.code()).as(fromFile.toString()).isZero();
    for (String file : List.of("customers.csv", "lines.csv")) {
      assertThat(Files.readAllBytes(limited.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(all.resolve(file)));
    }
  }
}
