package io.github.pcusage.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The sandbox's customers and subscriptions, derived from a seed: the same seed gives the same
 * GUIDs and the same records on every run and machine.
 *
 * <p>Each customer has a company name and domain, legacy Azure subscriptions ({@link
 * #subscriptionIds}) with {@link #recordsPerSubscription()} daily records each, and an Azure plan,
 * a licence and a new-commerce subscription ({@link #subscriptions}). Records are generated on
 * first use from the seed and the two ids alone. Ids are matched ignoring case, as the service
 * matches GUIDs ({@code D5C78F49-...} is {@code d5c78f49-...}).
 */
public final class Dataset {
  private static final int CACHED_SUBSCRIPTIONS = 64;

  private final long seed;
  private final int recordsPerSubscription;
  private final List<String> customerIds;
  private final Map<String, List<String>> subscriptionIds;
  private final List<Customer> customers;
  private final Map<String, List<Subscription>> subscriptions;
  private final BoundedCache<DataKey, List<UsageRecord>> records =
      new BoundedCache<>(CACHED_SUBSCRIPTIONS, list -> 1);

  Dataset(long seed, int customers, int subscriptionsPerCustomer, int recordsPerSubscription) {
    if (customers < 1) {
      throw new IllegalArgumentException("customers < 1: " + customers);
    }
    if (subscriptionsPerCustomer < 1) {
      throw new IllegalArgumentException(
          "subscriptionsPerCustomer < 1: " + subscriptionsPerCustomer);
    }
    if (recordsPerSubscription < 0) {
      throw new IllegalArgumentException("recordsPerSubscription < 0: " + recordsPerSubscription);
    }
    this.seed = seed;
    this.recordsPerSubscription = recordsPerSubscription;
    List<String> customerList = new ArrayList<>(customers);
    Map<String, List<String>> subscriptions = new LinkedHashMap<>();
    for (int c = 0; c < customers; c++) {
      String customerId = guid("customer/" + seed + "/" + c);
      customerList.add(customerId);
      List<String> subs = new ArrayList<>(subscriptionsPerCustomer);
      for (int s = 0; s < subscriptionsPerCustomer; s++) {
        subs.add(guid("subscription/" + seed + "/" + c + "/" + s));
      }
      subscriptions.put(customerId, Collections.unmodifiableList(subs));
    }
    this.customerIds = Collections.unmodifiableList(customerList);
    this.subscriptionIds = Collections.unmodifiableMap(subscriptions);
    this.customers = Directory.customers(seed, customerIds);
    Map<String, List<Subscription>> all = new LinkedHashMap<>();
    for (int c = 0; c < customers; c++) {
      String customerId = customerList.get(c);
      all.put(customerId, Directory.subscriptions(seed, c, subscriptions.get(customerId)));
    }
    this.subscriptions = Collections.unmodifiableMap(all);
  }

  /** Returns the seed the data set derives from. */
  public long seed() {
    return seed;
  }

  /** Returns the number of daily records of every subscription of the data set. */
  public int recordsPerSubscription() {
    return recordsPerSubscription;
  }

  /** Returns the customer ids (GUID strings), in a stable order. */
  public List<String> customerIds() {
    return customerIds;
  }

  /**
   * Returns the subscription ids (GUID strings) of a customer, in a stable order.
   *
   * @throws IllegalArgumentException if the customer is not in the data set
   */
  public List<String> subscriptionIds(String customerId) {
    Objects.requireNonNull(customerId, "customerId == null");
    List<String> ids = subscriptionIds.get(canonical(customerId));
    if (ids == null) {
      throw new IllegalArgumentException("not a customer of this data set: " + customerId);
    }
    return ids;
  }

  /**
   * Returns the customers with their company names and domains, in the order of {@link
   * #customerIds()}.
   */
  public List<Customer> customers() {
    return customers;
  }

  /**
   * Returns every subscription of a customer, as the subscriptions call lists them: the legacy
   * Azure ones of {@link #subscriptionIds} first, then an Azure plan, a licence and a new-commerce
   * one.
   *
   * @throws IllegalArgumentException if the customer is not in the data set
   */
  public List<Subscription> subscriptions(String customerId) {
    Objects.requireNonNull(customerId, "customerId == null");
    List<Subscription> list = subscriptions.get(canonical(customerId));
    if (list == null) {
      throw new IllegalArgumentException("not a customer of this data set: " + customerId);
    }
    return list;
  }

  /** Returns whether the data set has a customer with this id, ignoring case. */
  public boolean hasCustomer(String customerId) {
    return subscriptions.containsKey(canonical(Objects.requireNonNull(customerId, "customerId")));
  }

  /**
   * Returns the kind of a subscription of the data set, or null when the customer has no such
   * subscription; ids are matched ignoring case.
   */
  public SubscriptionKind kind(String customerId, String subscriptionId) {
    Objects.requireNonNull(subscriptionId, "subscriptionId == null");
    List<Subscription> list =
        subscriptions.get(canonical(Objects.requireNonNull(customerId, "customerId == null")));
    if (list != null) {
      String id = canonical(subscriptionId);
      for (Subscription subscription : list) {
        if (subscription.id().equals(id)) {
          return subscription.kind();
        }
      }
    }
    return null;
  }

  /**
   * Returns whether the data set has this legacy Azure subscription (one of {@link
   * #subscriptionIds}) of this customer, ignoring case.
   */
  public boolean contains(String customerId, String subscriptionId) {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(subscriptionId, "subscriptionId == null");
    List<String> ids = subscriptionIds.get(canonical(customerId));
    return ids != null && ids.contains(canonical(subscriptionId));
  }

  /**
   * Returns the canonical form of a customer or subscription id: lower case. Requests, provider
   * states and generated records all use it, so an id matches in any case.
   */
  static String canonical(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the ids of the catalogue meters that the records of the data set's subscriptions use.
   */
  Set<String> meterIdsInUse() {
    Set<String> ids = new LinkedHashSet<>();
    for (String customerId : customerIds) {
      for (String subscriptionId : subscriptionIds.get(customerId)) {
        RecordGenerator.addMeterIds(seed, customerId, subscriptionId, recordsPerSubscription, ids);
      }
    }
    return ids;
  }

  /**
   * Returns {@code count} daily records of any customer/subscription pair, generated from the seed.
   */
  List<UsageRecord> records(String customerId, String subscriptionId, int count) {
    return records.get(
        new DataKey(customerId, subscriptionId, count),
        key -> RecordGenerator.generate(seed, key.customerId(), key.subscriptionId(), key.count()));
  }

  /** Returns the name-based UUID the sandbox derives from {@code name}. */
  static String guid(String name) {
    return UUID.nameUUIDFromBytes(("pcusage-sandbox/" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
