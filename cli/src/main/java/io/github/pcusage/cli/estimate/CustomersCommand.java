package io.github.pcusage.cli.estimate;

import io.github.pcusage.SubscriptionKind;
import io.github.pcusage.cli.CliException;
import io.github.pcusage.cli.CliLog;
import io.github.pcusage.cli.Connection;
import io.github.pcusage.cli.ConnectionOptions;
import io.github.pcusage.cli.ExitCode;
import io.github.pcusage.cli.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pcusage customers}: the partner's customers with their subscriptions and what the
 * utilization API makes of each ({@code SubscriptionKind}). {@code --format csv} writes exactly the
 * targets file of {@code export} and {@code estimate} ({@code customer,subscription}, the served
 * subscriptions only), to review or edit before an estimate.
 */
@Command(
    name = "customers",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "List the customers with their subscriptions and kinds (SERVED by the utilization API,",
      "AZURE_PLAN, LICENCE, NEW_COMMERCE, INACTIVE). --format csv writes the served ones as a",
      "targets file (customer,subscription) for export --targets and estimate --targets.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "2:usage error",
      "4:authentication or authorization (401, 403)",
      "5:API or network failure",
      "6:local file error"
    })
public final class CustomersCommand implements Callable<Integer> {
  /** The output formats. */
  enum ListFormat {
    table,
    csv
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table (every subscription) or csv (a targets file) (default: ${DEFAULT-VALUE}).")
  ListFormat format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of stdout.")
  Path out;

  @Mixin ConnectionOptions connection;

  private final RunContext ctx;

  /**
   * Creates the command of one run.
   *
   * @param ctx the run
   */
  public CustomersCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (out != null && Files.isDirectory(out)) {
      throw CliException.usage("--out: " + out + " is a directory");
    }
    CliLog.configure(ctx.err, connection.verbose());
    Discovery discovery;
    try (Connection conn = Connection.open(connection, ctx)) {
      discovery = Discovery.discover(conn.client, null);
    }
    String text = format == ListFormat.csv ? targets(discovery) : table(discovery);
    if (out != null) {
      EstimateFiles.writeAtomically(out, text);
      return ExitCode.OK;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ctx.out.write(bytes, 0, bytes.length);
    ctx.out.flush();
    if (ctx.out.checkError()) {
      throw new CliException(
          ExitCode.LOCAL_FILE, "cannot write to standard output (closed or full)");
    }
    return ExitCode.OK;
  }

  /** The served subscriptions as a targets file. */
  static String targets(Discovery discovery) {
    StringBuilder text = new StringBuilder();
    try {
      EstimateFiles.CSV.printRecord(text, "customer", "subscription");
      for (Discovery.Entry e : discovery.entries()) {
        if (e.kind() == SubscriptionKind.SERVED) {
          EstimateFiles.CSV.printRecord(text, e.customerId(), e.subscriptionId());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringBuilder does not fail
    }
    return text.toString();
  }

  /** Every customer and subscription, in aligned columns. */
  static String table(Discovery discovery) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"CUSTOMER", "NAME", "SUBSCRIPTION", "OFFER", "KIND"});
    for (Discovery.Entry e : discovery.entries()) {
      rows.add(
          new String[] {
            e.customerId(),
            e.customerName(),
            e.subscriptionId().isEmpty() ? "-" : e.subscriptionId(),
            e.offerName(),
            e.kind() == null ? "(no subscriptions)" : e.kind().name()
          });
    }
    int[] width = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(width[i] - row[i].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
