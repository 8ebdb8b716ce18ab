package io.github.pcusage.cli.estimate;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.SubscriptionKind;
import io.github.pcusage.cli.CheckpointedFile;
import io.github.pcusage.cli.CliException;
import io.github.pcusage.cli.Target;
import io.github.pcusage.model.Customer;
import io.github.pcusage.model.Subscription;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The partner's customers and their subscriptions, each with its {@link SubscriptionKind}: what
 * {@code pcusage customers} prints and what {@code pcusage estimate} estimates (the {@code SERVED}
 * subscriptions) or lists as skipped (the others). Saved as {@code subscriptions.csv} so that
 * {@code --resume} estimates the same subscriptions without asking again.
 *
 * @param entries one entry per subscription (a customer without any has one entry with an empty
 *     subscription id and no kind), in the order Partner Center lists them
 */
record Discovery(List<Entry> entries) {
  static final List<String> COLUMNS =
      List.of("customer", "customerName", "subscription", "offerName", "kind");

  /**
   * One subscription of a customer.
   *
   * @param customerId the customer id
   * @param customerName the company name (empty when unknown)
   * @param subscriptionId the subscription id (empty for a customer without subscriptions)
   * @param offerName the offer name (empty when absent)
   * @param kind the kind, or null for a customer without subscriptions
   */
  record Entry(
      String customerId,
      String customerName,
      String subscriptionId,
      String offerName,
      SubscriptionKind kind) {}

  Discovery {
    entries = List.copyOf(entries);
  }

  /**
   * Asks Partner Center: every customer and all its subscriptions, or with {@code limit} only the
   * listed pairs (their customers' names and their kinds; a listed pair missing from its customer's
   * list is estimated anyway, and fails if it does not exist).
   */
  static Discovery discover(PartnerCenterClient client, List<Target> limit) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Customer c : client.customers()) {
      String name = c.getCompanyProfile() == null ? null : c.getCompanyProfile().getCompanyName();
      names.put(c.getId(), name == null ? "" : name);
    }
    List<Entry> entries = new ArrayList<>();
    if (limit == null) {
      for (Map.Entry<String, String> customer : names.entrySet()) {
        List<Subscription> subscriptions = client.subscriptions(customer.getKey());
        if (subscriptions.isEmpty()) {
          entries.add(new Entry(customer.getKey(), customer.getValue(), "", "", null));
        }
        for (Subscription s : subscriptions) {
          entries.add(entry(customer.getKey(), customer.getValue(), s));
        }
      }
      return new Discovery(entries);
    }
    Set<String> customers = new LinkedHashSet<>();
    limit.forEach(t -> customers.add(t.customerId));
    Map<String, Subscription> known = new LinkedHashMap<>();
    for (String customer : customers) {
      for (Subscription s : client.subscriptions(customer)) {
        known.put(key(customer, s.getId()), s);
      }
    }
    for (Target t : limit) {
      String name = names.getOrDefault(t.customerId, "");
      Subscription s = known.get(key(t.customerId, t.subscriptionId));
      entries.add(
          s == null
              ? new Entry(t.customerId, name, t.subscriptionId, "", SubscriptionKind.SERVED)
              : entry(t.customerId, name, s));
    }
    return new Discovery(entries);
  }

  private static Entry entry(String customerId, String name, Subscription s) {
    String offer = s.getOfferName() == null ? "" : s.getOfferName();
    return new Entry(customerId, name, s.getId(), offer, SubscriptionKind.of(s));
  }

  private static String key(String customerId, String subscriptionId) {
    return customerId.toLowerCase(Locale.ROOT) + "/" + subscriptionId.toLowerCase(Locale.ROOT);
  }

  /** Returns the subscriptions the utilization listing serves, as targets in discovery order. */
  List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (Entry e : entries) {
      if (e.kind == SubscriptionKind.SERVED) {
        targets.add(new Target(e.customerId, e.subscriptionId, targets.size() + 1));
      }
    }
    return targets;
  }

  /** Returns the subscriptions left out, with their kinds. */
  List<EstimateReport.Skipped> skipped() {
    List<EstimateReport.Skipped> skipped = new ArrayList<>();
    for (Entry e : entries) {
      if (e.kind != null && e.kind != SubscriptionKind.SERVED) {
        skipped.add(
            new EstimateReport.Skipped(e.customerId, e.subscriptionId, e.offerName, e.kind.name()));
      }
    }
    return skipped;
  }

  /** Returns customer id to company name, for the customers whose name is known. */
  Map<String, String> customerNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (!e.customerName.isEmpty()) {
        names.putIfAbsent(e.customerId, e.customerName);
      }
    }
    return names;
  }

  /** Returns the entries as CSV ({@link #COLUMNS}). */
  String csv() {
    StringBuilder text = new StringBuilder();
    try {
      EstimateFiles.CSV.printRecord(text, COLUMNS.toArray());
      for (Entry e : entries) {
        EstimateFiles.CSV.printRecord(
            text,
            e.customerId,
            e.customerName,
            e.subscriptionId,
            e.offerName,
            e.kind == null ? "" : e.kind.name());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringBuilder does not fail
    }
    return text.toString();
  }

  /** Reads what {@link #csv()} wrote, or returns null when {@code file} does not exist. */
  static Discovery read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    List<Entry> entries = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(Files.readString(file, StandardCharsets.UTF_8)), EstimateFiles.CSV)) {
      boolean header = true;
      for (CSVRecord r : parser) {
        if (header) {
          header = false;
          continue;
        }
        String kind = r.get(4);
        entries.add(
            new Entry(
                r.get(0),
                r.get(1),
                r.get(2),
                r.get(3),
                kind.isEmpty() ? null : SubscriptionKind.valueOf(kind)));
      }
    } catch (IOException | RuntimeException e) {
      String why =
          e instanceof IOException ? CheckpointedFile.describe((IOException) e) : e.toString();
      throw CliException.file("--resume: cannot read " + file + ": " + why, e);
    }
    return new Discovery(entries);
  }
}
