package io.github.pcusage.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import okio.Buffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pcusage usage-summary}: the current billing period's usage summary of a subscription. */
@Command(
    name = "usage-summary",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Show the usage summary of a customer's subscription for its current billing period.",
      "Needs an app+user token (--device-code, --azure-cli, or a user token in --token-env).",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "2:usage error",
      "3:data not ready (HTTP 204)",
      "4:authentication/authorization (401, 403)",
      "5:API or network failure",
      "6:local file error"
    })
final class UsageSummaryCommand implements Callable<Integer> {
  /** The output formats of the summary. */
  enum SummaryFormat {
    json,
    table
  }

  private static final JsonAdapter<SubscriptionUsageSummary> ADAPTER =
      PartnerCenterJson.moshi().adapter(SubscriptionUsageSummary.class);

  @Option(
      names = "--customer",
      required = true,
      paramLabel = "ID",
      description = "Customer (tenant) id.")
  String customer;

  @Option(
      names = "--subscription",
      required = true,
      paramLabel = "ID",
      description = "Subscription id.")
  String subscription;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json (lossless, one line) or table (default: ${DEFAULT-VALUE}).")
  SummaryFormat format;

  @Mixin ConnectionOptions connection;

  private final RunContext ctx;

  UsageSummaryCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    CliLog.configure(ctx.err, connection.verbose);
    try (Connection conn = Connection.open(connection, ctx)) {
      SubscriptionUsageSummary summary;
      try {
        summary = conn.client.usageSummary(customer, subscription);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(Failures.optionNames(e.getMessage()));
      }
      String text = format == SummaryFormat.json ? json(summary) : table(summary);
      ctx.out.write(
          text.getBytes(StandardCharsets.UTF_8), 0, text.getBytes(StandardCharsets.UTF_8).length);
      ctx.out.flush();
      if (ctx.out.checkError()) {
        throw new CliException(
            ExitCode.LOCAL_FILE, "cannot write to standard output (closed or full)");
      }
      return ExitCode.OK;
    }
  }

  static String json(SubscriptionUsageSummary summary) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      ADAPTER.toJson(writer, summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8() + "\n";
  }

  static String table(SubscriptionUsageSummary s) {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("resourceId", s.getResourceId() != null ? s.getResourceId() : s.getId());
    rows.put("resourceName", s.getResourceName() != null ? s.getResourceName() : s.getName());
    rows.put("billingStartDate", time(s.getBillingStartDate()));
    rows.put("billingEndDate", time(s.getBillingEndDate()));
    rows.put("totalCost", CsvColumns.plain(s.getTotalCost()));
    rows.put("currencyCode", s.getCurrencyCode());
    rows.put("currencyLocale", s.getCurrencyLocale());
    rows.put("usdTotalCost", CsvColumns.plain(s.getUsdTotalCost()));
    rows.put("lastModifiedDate", time(s.getLastModifiedDate()));
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder out = new StringBuilder();
    rows.forEach(
        (name, value) -> {
          if (value != null) {
            out.append(name)
                .append(" ".repeat(width - name.length() + 2))
                .append(value)
                .append('\n');
          }
        });
    return out.toString();
  }

  private static String time(OffsetDateTime t) {
    return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }
}
