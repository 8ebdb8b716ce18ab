package io.github.pcusage.sandbox;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives the customers of a data set and each customer's subscriptions from the seed: company
 * names and domains, and besides the legacy Azure subscriptions (whose ids {@link Dataset} fixes)
 * one Azure plan, one legacy licence and one new-commerce subscription per customer.
 */
final class Directory {
  static final String LEGACY_AZURE_OFFER = "MS-AZR-0145P";
  static final String AZURE_PLAN_OFFER = "DZH318Z0BPS6:0001:DZH318Z0BML6";
  static final String NEW_COMMERCE_OFFER = "CFQ7TTC0LH18:0001:CFQ7TTC0K5BF";
  static final String NEW_COMMERCE_PRODUCT_TYPE = "OnlineServicesNCE";
  private static final String AZURE_COMMITMENT_END = "9999-12-10T00:00:00Z";

  private static final String[] NAMES = {
    "Fabrikam",
    "Contoso",
    "Northwind",
    "Tailspin",
    "Adventure Works",
    "Wide World",
    "Woodgrove",
    "Litware",
    "Proseware",
    "Alpine Ski",
    "Coho",
    "Lamna",
    "Trey",
    "Fourth Coffee",
    "Blue Yonder",
    "Margie's",
    "Humongous",
    "Wingtip",
    "Tailwind",
    "Relecloud",
    "A. Datum",
    "Lucerne",
    "Consolidated",
    "Southridge",
  };
  private static final String[] SUFFIXES = {
    "Toys",
    "Ltd",
    "GmbH",
    "Traders",
    "Insurance",
    "Winery",
    "Healthcare",
    "Research",
    "Airlines",
    "Travel",
    "Bank",
    "Publishing",
    "Messaging",
    "Video",
    "Foods",
    "Cycles",
  };
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
  private static final DateTimeFormatter MIDNIGHT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'00:00:00'Z'", Locale.ROOT);

  private Directory() {}

  /** Returns the customers with these ids, in the same order, with unique names and domains. */
  static List<Customer> customers(long seed, List<String> customerIds) {
    List<Customer> customers = new ArrayList<>(customerIds.size());
    Set<String> names = new HashSet<>();
    for (int c = 0; c < customerIds.size(); c++) {
      SeededRandom random = new SeededRandom(SeededRandom.combine(seed, 0x637573746F6DL, c));
      String name =
          NAMES[random.nextInt(NAMES.length)] + " " + SUFFIXES[random.nextInt(SUFFIXES.length)];
      if (!names.add(name)) {
        name = name + " " + (c + 1);
        names.add(name);
      }
      String domain =
          name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".onmicrosoft.com";
      String commerceId = c % 2 == 0 ? guid(seed, "commerce/" + c) : null;
      customers.add(new Customer(customerIds.get(c), name, domain, commerceId, "reseller"));
    }
    return Collections.unmodifiableList(customers);
  }

  /**
   * Returns customer number {@code c}'s subscriptions: the legacy Azure ones with {@code
   * legacyIds}, then an Azure plan, a licence and a new-commerce subscription.
   */
  static List<Subscription> subscriptions(long seed, int c, List<String> legacyIds) {
    List<Subscription> subscriptions = new ArrayList<>(legacyIds.size() + 3);
    for (int s = 0; s < legacyIds.size(); s++) {
      boolean suspended = c % 3 == 2 && s == legacyIds.size() - 1;
      Dates dates = dates(seed, c, "azure/" + s);
      subscriptions.add(
          new Subscription(
              legacyIds.get(s),
              SubscriptionKind.LEGACY_AZURE,
              LEGACY_AZURE_OFFER,
              "Microsoft Azure",
              s == 0 ? "Microsoft Azure" : "Azure " + (s + 1),
              1,
              "Usage-based",
              suspended ? "suspended" : "active",
              "usage",
              "monthly",
              "subscription",
              null,
              dates.created,
              dates.started,
              AZURE_COMMITMENT_END,
              false,
              guid(seed, "entitlement/" + c + "/" + s),
              guid(seed, "order/" + c + "/azure/" + s),
              null));
    }
    Dates plan = dates(seed, c, "azure-plan");
    subscriptions.add(
        new Subscription(
            guid(seed, "azure-plan/" + c),
            SubscriptionKind.AZURE_PLAN,
            AZURE_PLAN_OFFER,
            "Azure plan",
            "Azure plan",
            1,
            "Usage-based",
            "active",
            "usage",
            "monthly",
            "subscription",
            null,
            plan.created,
            plan.started,
            AZURE_COMMITMENT_END,
            false,
            guid(seed, "azure-plan-entitlement/" + c),
            guid(seed, "order/" + c + "/azure-plan"),
            "Azure"));
    Dates licence = dates(seed, c, "licence");
    subscriptions.add(
        new Subscription(
            guid(seed, "licence/" + c),
            SubscriptionKind.LICENCE,
            guid(0, "licence-offer/" + c % 3).toUpperCase(Locale.ROOT),
            "Office 365 E3",
            "Office 365 E3",
            5 + c % 20,
            "Licenses",
            c % 4 == 3 ? "expired" : "active",
            "license",
            "annual",
            "subscription",
            "P1Y",
            licence.created,
            licence.started,
            licence.yearLater,
            true,
            null,
            guid(seed, "order/" + c + "/licence"),
            null));
    Dates nce = dates(seed, c, "new-commerce");
    subscriptions.add(
        new Subscription(
            guid(seed, "new-commerce/" + c),
            SubscriptionKind.NEW_COMMERCE,
            NEW_COMMERCE_OFFER,
            "Microsoft 365 Business Basic",
            "Microsoft 365 Business Basic",
            1 + c % 50,
            "Licenses",
            c % 4 == 1 ? "disabled" : "active",
            "license",
            "monthly",
            "subscription",
            "P1M",
            nce.created,
            nce.started,
            nce.monthLater,
            true,
            null,
            guid(seed, "order/" + c + "/new-commerce"),
            NEW_COMMERCE_PRODUCT_TYPE));
    return Collections.unmodifiableList(subscriptions);
  }

  private static Dates dates(long seed, int c, String what) {
    SeededRandom random =
        new SeededRandom(SeededRandom.combine(seed, SeededRandom.hash(what), c, 0x64617465L));
    LocalDateTime created =
        LocalDate.of(2018, 1, 1)
            .plusDays(random.nextInt(2500))
            .atStartOfDay()
            .plusSeconds(random.nextInt(86_400))
            .plusNanos(1_000_000L * random.nextInt(1000));
    LocalDate start = created.toLocalDate();
    return new Dates(
        MILLIS.format(created),
        MIDNIGHT.format(start),
        MIDNIGHT.format(start.plusYears(1)),
        MIDNIGHT.format(start.plusMonths(1)));
  }

  static String guid(long seed, String name) {
    return Dataset.guid(name + "/" + seed);
  }

  private record Dates(String created, String started, String yearLater, String monthLater) {}
}
