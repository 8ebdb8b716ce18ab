package io.github.pcusage;

import io.github.pcusage.model.Subscription;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether the utilization listing ({@link PartnerCenterClient#utilizations}) serves a subscription,
 * and if not, why: so that no caller hard-codes offer ids.
 *
 * <pre>{@code
 * for (Subscription s : client.subscriptions(customerId)) {
 *   if (SubscriptionKind.of(s) == SubscriptionKind.SERVED) {
 *     client.utilizations(customerId, s.getId(), query).forEach(...);
 *   }
 * }
 * }</pre>
 *
 * <p>Read from the offer id (compared in any case) and the status, as Partner Center documents
 * them: legacy CSP Azure offers are {@code MS-AZR-0145P} and its sovereign variants ({@code
 * MS-AZR-USGOV-0145P}, {@code MS-AZR-DE-0145P}); an Azure plan's offer id starts with {@code
 * DZH318Z0BPS6:}; new-commerce offer ids are {@code PRODUCT:SKU:AVAILABILITY}.
 */
public enum SubscriptionKind {
  /** A legacy CSP Azure subscription, active or suspended: the utilization listing serves it. */
  SERVED,
  /**
   * An Azure plan subscription: the utilization listing answers {@code 404}; its usage is read from
   * invoices and unbilled consumption line items, and its usage summary is served.
   */
  AZURE_PLAN,
  /** A legacy licence-based subscription (its offer id is a GUID) or any other offer: no usage. */
  LICENCE,
  /** A new-commerce subscription other than an Azure plan (licences, software, marketplace). */
  NEW_COMMERCE,
  /**
   * A legacy CSP Azure subscription that is neither active nor suspended (deleted, disabled,
   * expired, ...): the service refuses it (code 800012, not an active subscription).
   */
  INACTIVE;

  private static final Pattern LEGACY_AZURE =
      Pattern.compile("MS-AZR-(?:[A-Z]+-)?0145P", Pattern.CASE_INSENSITIVE);
  private static final String AZURE_PLAN_PREFIX = "dzh318z0bps6:";

  /**
   * Returns the kind of {@code subscription}.
   *
   * @param subscription a subscription from {@link PartnerCenterClient#subscriptions(String)}
   * @return its kind; never {@code null} (a subscription without an offer id is a {@link #LICENCE})
   */
  public static SubscriptionKind of(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription == null");
    String offerId = subscription.getOfferId();
    if (offerId == null) {
      return LICENCE;
    }
    String offer = offerId.trim();
    if (LEGACY_AZURE.matcher(offer).matches()) {
      String status = subscription.getStatus();
      String state = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
      return state.equals("active") || state.equals("suspended") ? SERVED : INACTIVE;
    }
    if (offer.toLowerCase(Locale.ROOT).startsWith(AZURE_PLAN_PREFIX)) {
      return AZURE_PLAN;
    }
    if (offer.indexOf(':') >= 0) {
      return NEW_COMMERCE;
    }
    return LICENCE;
  }
}
