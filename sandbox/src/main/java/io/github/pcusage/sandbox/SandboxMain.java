package io.github.pcusage.sandbox;

import java.io.PrintStream;
import java.util.List;

/**
 * Runs a sandbox until the process is interrupted, printing its base URL and ids to try.
 *
 * <pre>
 * java -cp ... io.github.pcusage.sandbox.SandboxMain [--port P] [--seed S] [--customers N]
 *     [--subscriptions M] [--records K] [--latency-ms L] [--faults SPEC] [--page-cache-mb MB]
 *     [--unpriced-meters COUNT] [--rate-card-meters COUNT] [--rate-card-latency-ms L]
 *     [--customer-list-end last-page|code-2000] [--token T] [--next-link relative|leading-slash|v1] [--threads N]
 *     [--unknown-params ignore|reject]
 * </pre>
 *
 * <p>The options are {@link SandboxOption}'s, which the CLI's {@code pcusage sandbox} shares.
 * {@code --help} lists them. Exits with status 2 and one line on a bad option.
 */
public final class SandboxMain {
  private SandboxMain() {}

  /** Starts the sandbox from command-line options and waits until interrupted. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      usage(System.out);
      return;
    }
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
   * Parses the options ({@link SandboxOption}) into a builder; an option not given keeps the
   * builder's default.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static Sandbox.Builder parse(String[] args) {
    Sandbox.Builder builder = Sandbox.builder();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value of option " + name);
      }
      String value = args[++i];
      SandboxOption option = SandboxOption.named(name);
      if (option == null) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      option.apply(builder, option.parse(value));
    }
    return builder;
  }

  /** Prints the options, their defaults and what they do. */
  public static void usage(PrintStream out) {
    out.println("Usage: SandboxMain [OPTION VALUE]...");
    out.println("Runs the Partner Center sandbox on 127.0.0.1 until interrupted.");
    for (SandboxOption option : SandboxOption.values()) {
      String defaultValue = option.defaultValue();
      out.println(
          String.format(
              "  %-18s %s%s.",
              option.optionName() + " " + option.paramLabel(),
              option.description(),
              defaultValue == null ? "" : " (default: " + defaultValue + ")"));
    }
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
    out.println(
        "also: /v1/customers?size=2, /v1/customers/"
            + customer
            + "/subscriptions, /v1/ratecards/azure");
  }
}
