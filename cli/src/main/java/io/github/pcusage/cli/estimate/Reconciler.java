package io.github.pcusage.cli.estimate;

import io.github.pcusage.ForbiddenException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.cli.RunContext;
import io.github.pcusage.cli.TargetResult;
import io.github.pcusage.estimate.EstimateLine;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sets each estimated subscription's list cost against its usage summary's {@code totalCost}, where
 * the window is the subscription's current billing period and the summary's currency is the rate
 * card's (legacy summaries carry {@code currencyLocale}, Azure plan ones {@code currencyCode}). The
 * usage summary needs an app+user token: on a 401 or 403 reconciliation is skipped with a note. It
 * never changes the exit code.
 */
final class Reconciler {
  static final String NEEDS_USER =
      "skipped: the usage summary needs an app+user token (HTTP 401/403)";

  private final PartnerCenterClient client;
  private final RunContext ctx;
  private final boolean quiet;

  Reconciler(PartnerCenterClient client, RunContext ctx, boolean quiet) {
    this.client = client;
    this.ctx = ctx;
    this.quiet = quiet;
  }

  List<EstimateReport.Reconciliation> reconcile(
      List<TargetResult> results, List<EstimateLine> lines, String currency, UtilizationQuery q) {
    Map<String, BigDecimal> listCost = new HashMap<>();
    for (EstimateLine line : lines) {
      line.cost()
          .ifPresent(
              c ->
                  listCost.merge(
                      line.customerId() + "/" + line.subscriptionId(),
                      c.listCost(),
                      BigDecimal::add));
    }
    LocalDate start = q.startTime().toLocalDate();
    LocalDate end = q.endTime().toLocalDate();
    List<EstimateReport.Reconciliation> out = new ArrayList<>();
    int otherPeriod = 0;
    for (TargetResult r : results) {
      if (r.status != TargetResult.Status.complete) {
        continue;
      }
      String c = r.target.customerId;
      String s = r.target.subscriptionId;
      BigDecimal estimate = listCost.getOrDefault(c + "/" + s, BigDecimal.ZERO);
      SubscriptionUsageSummary summary;
      try {
        summary = client.usageSummary(c, s);
      } catch (UnauthorizedException | ForbiddenException e) {
        if (!quiet) {
          ctx.error("reconciliation " + NEEDS_USER);
        }
        return List.of(new EstimateReport.Reconciliation("", "", null, null, NEEDS_USER));
      } catch (PartnerCenterException e) {
        out.add(
            new EstimateReport.Reconciliation(
                c, s, null, estimate, "skipped: the usage summary failed: " + e.getMessage()));
        continue;
      }
      if (summary.getBillingStartDate() == null
          || summary.getBillingEndDate() == null
          || !summary.getBillingStartDate().toLocalDate().equals(start)
          || !isEnd(summary.getBillingEndDate().toLocalDate(), end)) {
        otherPeriod++;
        continue;
      }
      String theirs = currencyOf(summary);
      String note =
          currency.equalsIgnoreCase(theirs)
              ? ""
              : "not compared: the usage summary is in "
                  + (theirs == null ? "an unknown currency" : theirs)
                  + ", the rate card in "
                  + currency;
      out.add(new EstimateReport.Reconciliation(c, s, summary.getTotalCost(), estimate, note));
    }
    if (otherPeriod > 0 && !quiet) {
      ctx.error(
          "reconciliation: the window is not the current billing period of "
              + otherPeriod
              + " subscription"
              + (otherPeriod == 1 ? "" : "s")
              + ": not compared with the usage summary");
    }
    return out;
  }

  /** The billing period's end may be given as the last day or as the day after it. */
  private static boolean isEnd(LocalDate billingEnd, LocalDate end) {
    return billingEnd.equals(end) || billingEnd.equals(end.minusDays(1));
  }

  /** Returns the ISO code of a summary's currency, or null when it cannot be told. */
  static String currencyOf(SubscriptionUsageSummary s) {
    if (s.getCurrencyCode() != null && !s.getCurrencyCode().isBlank()) {
      return s.getCurrencyCode().trim().toUpperCase(Locale.ROOT);
    }
    if (s.getCurrencyLocale() == null || s.getCurrencyLocale().isBlank()) {
      return null;
    }
    try {
      return Currency.getInstance(Locale.forLanguageTag(s.getCurrencyLocale().trim()))
          .getCurrencyCode();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
