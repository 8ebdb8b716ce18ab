package io.github.pcusage.cli;

import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.sandbox.SandboxMain;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pcusage sandbox}: runs the Partner Center sandbox until interrupted. */
@Command(
    name = "sandbox",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Run the Partner Center sandbox (a fake API on 127.0.0.1 with seeded data) until interrupted.",
      "Prints its base URL and ids to try; point the other commands at it with --base-url.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:usage error", "6:the port cannot be bound"})
final class SandboxCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "0",
      description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Seed of the data set (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--customers",
      paramLabel = "N",
      defaultValue = "3",
      description = "Customers (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(
      names = "--subscriptions",
      paramLabel = "M",
      defaultValue = "2",
      description = "Subscriptions per customer (default: ${DEFAULT-VALUE}).")
  int subscriptions;

  @Option(
      names = "--records",
      paramLabel = "K",
      defaultValue = "2500",
      description = "Daily records per subscription (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(
      names = "--latency-ms",
      paramLabel = "L",
      defaultValue = "0",
      description = "Fixed delay before every answer, in ms (default: ${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      defaultValue = "none",
      description =
          "Faults to inject, e.g. 429=0.05,500=0.02,204-next=0.05,reset=0.01,seed=7 (default: ${DEFAULT-VALUE}).")
  String faults;

  private final RunContext ctx;

  SandboxCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Sandbox.Builder builder = Sandbox.builder();
    option("--port", () -> builder.port(port));
    option("--seed", () -> builder.seed(seed));
    option("--customers", () -> builder.customers(customers));
    option("--subscriptions", () -> builder.subscriptionsPerCustomer(subscriptions));
    option("--records", () -> builder.recordsPerSubscription(records));
    option("--latency-ms", () -> builder.latency(Duration.ofMillis(latencyMs)));
    option("--faults", () -> builder.faults(Faults.parse(faults)));
    Sandbox sandbox;
    try {
      sandbox = builder.start();
    } catch (UncheckedIOException e) {
      throw CliException.file("--port: " + e.getMessage(), e);
    }
    try {
      SandboxMain.describe(sandbox, ctx.out);
      String customer = sandbox.customerIds().get(0);
      ctx.out.println(
          "try: PARTNER_CENTER_TOKEN=any "
              + System.getProperty(ResumeCommand.LAUNCHER_PROPERTY, "pcusage")
              + " utilization --base-url "
              + sandbox.baseUrl()
              + " --customer "
              + customer
              + " --subscription "
              + sandbox.subscriptionIds(customer).get(0)
              + " --start 2026-10-01 --end 2026-11-01");
      ctx.out.println("running until interrupted (Ctrl-C)");
      ctx.out.flush();
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // stopped: the normal end of this command
    } finally {
      sandbox.close();
    }
    return ExitCode.OK;
  }

  private static void option(String name, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException e) {
      throw CliException.usage(name + ": " + e.getMessage());
    }
  }
}
