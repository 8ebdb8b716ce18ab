package io.github.pcusage.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Runs a sandbox until the process is interrupted, printing its base URL and ids to try.
 *
 * <pre>
 * java -cp ... io.github.pcusage.sandbox.SandboxMain [--port P] [--seed S] [--customers N]
 *     [--subscriptions M] [--records K] [--latency-ms L] [--faults SPEC] [--token T]
 *     [--next-link relative|leading-slash|v1] [--threads N]
 * </pre>
 *
 * <p>Exits with status 2 and one line on a bad option.
 */
public final class SandboxMain {
  private SandboxMain() {}

  /** Starts the sandbox from command-line options and waits until interrupted. */
  public static void main(String[] args) throws InterruptedException {
    Sandbox.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("sandbox: " + e.getMessage());
      System.exit(2);
      return;
    }
    Sandbox sandbox = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "pcusage-sandbox-stop"));
    describe(sandbox, System.out);
    Thread.currentThread().join();
  }

  /**
   * Parses the options into a builder.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static Sandbox.Builder parse(String[] args) {
    Sandbox.Builder builder = Sandbox.builder();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value of option " + option);
      }
      String value = args[++i];
      try {
        switch (option) {
          case "--port":
            builder.port(Integer.parseInt(value));
            break;
          case "--seed":
            builder.seed(Long.parseLong(value));
            break;
          case "--customers":
            builder.customers(Integer.parseInt(value));
            break;
          case "--subscriptions":
            builder.subscriptionsPerCustomer(Integer.parseInt(value));
            break;
          case "--records":
            builder.recordsPerSubscription(Integer.parseInt(value));
            break;
          case "--latency-ms":
            builder.latency(Duration.ofMillis(Long.parseLong(value)));
            break;
          case "--faults":
            builder.faults(Faults.parse(value));
            break;
          case "--token":
            builder.token(value);
            break;
          case "--next-link":
            builder.nextLinkStyle(NextLinkStyle.parse(value));
            break;
          case "--threads":
            builder.threads(Integer.parseInt(value));
            break;
          default:
            throw new IllegalArgumentException("unknown option " + option);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option " + option + " needs a number: " + value, e);
      }
    }
    return builder;
  }

  /** Prints the base URL, a few customer and subscription ids, and the scenario ids. */
  public static void describe(Sandbox sandbox, PrintStream out) {
    out.println(
        "Partner Center sandbox listening on "
            + sandbox.baseUrl()
            + " (API root; paths under /v1)");
    out.println("seed " + sandbox.dataset().seed() + ", faults " + sandbox.faults());
    List<String> customers = sandbox.customerIds();
    for (String customer : customers.subList(0, Math.min(3, customers.size()))) {
      out.println("customer " + customer + " subscriptions " + sandbox.subscriptionIds(customer));
    }
    out.println(
        "scenario customer ids (any subscription id): " + String.join(" ", Scenarios.exampleIds()));
    String customer = customers.get(0);
    out.println(
        "try: curl -H 'Authorization: Bearer x' '"
            + sandbox.baseUrl()
            + "/v1/customers/"
            + customer
            + "/subscriptions/"
            + sandbox.subscriptionIds(customer).get(0)
            + "/utilizations/azure?start_time=2026-10-01T00:00:00Z"
            + "&end_time=2026-11-01T00:00:00Z&size=2'");
  }
}
