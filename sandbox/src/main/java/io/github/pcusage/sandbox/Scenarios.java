package io.github.pcusage.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Provider states, set at run time: what one customer/subscription pair answers. Thread-safe; each
 * {@link Sandbox} has its own, so tests cannot see each other's states.
 *
 * <p>Any pair configured here exists, even with ids outside the {@link Dataset}: its records are
 * generated from the seed and the two ids. Counting states ("the next N calls") count the calls of
 * that pair to either endpoint from now on. Scenario customer ids ({@code scenario-...}, see the
 * README) are the same states, created on a pair's first call. Ids are matched ignoring case, as
 * the service matches GUIDs.
 *
 * <pre>{@code
 * sandbox.scenarios()
 *     .pages(customerId, subscriptionId, 3, 1000) // 3 pages of 1000 daily records
 *     .notReady(customerId, subscriptionId, 2);   // the first 2 calls answer 204
 * }</pre>
 */
public final class Scenarios {
  private static final Set<Integer> FAILURE_STATUSES = Set.of(400, 401, 403, 404, 429, 500, 503);

  /** State keys of the operations without ids; no pair has an empty customer id. */
  private static final List<String> CUSTOMER_LIST = List.of("", "customers");

  private static final List<String> RATE_CARD = List.of("", "ratecards/azure");

  private final ConcurrentMap<List<String>, PairState> states = new ConcurrentHashMap<>();

  Scenarios() {}

  /** Returns the example scenario ids, one per scenario, as the README documents them. */
  public static List<String> exampleIds() {
    return ScenarioIds.EXAMPLES;
  }

  /**
   * The pair has exactly {@code count} daily records (reported mostly in October 2026).
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public Scenarios records(String customerId, String subscriptionId, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    configure(customerId, subscriptionId).records = count;
    return this;
  }

  /**
   * The pair has {@code pages x pageSize} daily records: exactly {@code pages} full pages of {@code
   * size=pageSize} over a window that holds them all (e.g. 2026-09-01 to 2026-12-01).
   */
  public Scenarios pages(String customerId, String subscriptionId, int pages, int pageSize) {
    if (pages < 0 || pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
      throw new IllegalArgumentException("bad pages/pageSize: " + pages + "/" + pageSize);
    }
    return records(customerId, subscriptionId, Math.multiplyExact(pages, pageSize));
  }

  /** The next {@code calls} calls of the pair answer 204 No Content with {@code Retry-After: 1}. */
  public Scenarios notReady(String customerId, String subscriptionId, int calls) {
    configure(customerId, subscriptionId).notReady.set(checkCalls(calls));
    return this;
  }

  /**
   * The next {@code calls} calls of the pair fail with {@code status}: 400, 401, 403, 404, 429
   * (with {@code Retry-After: 1}), 500 or 503, each with its real error body.
   */
  public Scenarios failing(String customerId, String subscriptionId, int status, int calls) {
    if (!FAILURE_STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "status must be one of " + FAILURE_STATUSES + ": " + status);
    }
    PairState state = configure(customerId, subscriptionId);
    state.failStatus = status;
    state.failing.set(checkCalls(calls));
    return this;
  }

  /** The next {@code calls} follow-up page requests of the pair answer 204 with Retry-After. */
  public Scenarios nextPageNotReady(String customerId, String subscriptionId, int calls) {
    configure(customerId, subscriptionId).nextNotReady.set(checkCalls(calls));
    return this;
  }

  /** The next {@code calls} follow-up page requests of the pair answer 500 (code 800003). */
  public Scenarios nextPageFailing(String customerId, String subscriptionId, int calls) {
    configure(customerId, subscriptionId).nextFailing.set(checkCalls(calls));
    return this;
  }

  /**
   * The pair is an Azure plan subscription: the usage summary sends {@code currencyCode} and {@code
   * usdTotalCost}; utilization answers 404 "Subscription id '...' provided was not found under this
   * customer." (without a code), as the service does for Azure plans.
   */
  public Scenarios azurePlan(String customerId, String subscriptionId) {
    configure(customerId, subscriptionId).azurePlan = true;
    return this;
  }

  /** The pair's 204 and 429 answers send {@code Retry-After} as an HTTP-date, not in seconds. */
  public Scenarios retryAfterAsHttpDate(String customerId, String subscriptionId) {
    configure(customerId, subscriptionId).retryAfterDate = true;
    return this;
  }

  /**
   * The pair's answers send explicit JSON {@code null} for optional fields (records, {@code
   * links.next} of the last page, the usage summary's fields of the other subscription kind), as
   * {@code scenario-nulls} does.
   */
  public Scenarios explicitNulls(String customerId, String subscriptionId) {
    configure(customerId, subscriptionId).recordStyle = RecordStyle.NULLS;
    return this;
  }

  /** The pair's {@code links.next.uri} takes this form, whatever the sandbox's default. */
  public Scenarios nextLinkStyle(String customerId, String subscriptionId, NextLinkStyle style) {
    configure(customerId, subscriptionId).nextLinkStyle =
        Objects.requireNonNull(style, "style == null");
    return this;
  }

  /**
   * The next {@code calls} requests of the customer listing (first and follow-up pages) fail with
   * {@code status}: 400 (800002), 401, 403 (no code), 429, 500 or 503.
   */
  public Scenarios customerListFailing(int status, int calls) {
    return operationFailing(CUSTOMER_LIST, status, calls);
  }

  /**
   * The next {@code calls} rate card requests fail with {@code status}, as {@link
   * #customerListFailing}.
   */
  public Scenarios rateCardFailing(int status, int calls) {
    return operationFailing(RATE_CARD, status, calls);
  }

  /**
   * The next {@code calls} requests of the customer's subscription list fail with {@code status}:
   * 400, 401, 403, 404, 429, 500 or 503, with the bodies of {@link #failing}.
   */
  public Scenarios subscriptionListFailing(String customerId, int status, int calls) {
    return failing(customerId, "", status, calls);
  }

  /** Returns the state of the customer listing, or null when none was set. */
  PairState customerList() {
    return states.get(CUSTOMER_LIST);
  }

  /** Returns the state of the rate card, or null when none was set. */
  PairState rateCard() {
    return states.get(RATE_CARD);
  }

  private Scenarios operationFailing(List<String> key, int status, int calls) {
    if (!FAILURE_STATUSES.contains(status) || status == 404) {
      throw new IllegalArgumentException(
          "status must be one of [400, 401, 403, 429, 500, 503]: " + status);
    }
    PairState state = states.computeIfAbsent(key, k -> new PairState());
    state.failStatus = status;
    state.failing.set(checkCalls(calls));
    return this;
  }

  /** Forgets every state, including the counters of scenario ids already called. */
  public void reset() {
    states.clear();
  }

  /**
   * Returns the state of a pair, creating it from a scenario id; null when there is none.
   *
   * @param customerId the customer id in its canonical form ({@link Dataset#canonical})
   * @param subscriptionId the subscription id in its canonical form
   */
  PairState state(String customerId, String subscriptionId) {
    List<String> key = List.of(customerId, subscriptionId);
    PairState state = states.get(key);
    if (state != null || !customerId.startsWith(ScenarioIds.PREFIX)) {
      return state;
    }
    PairState initial = ScenarioIds.initialState(customerId);
    return initial == null ? null : states.computeIfAbsent(key, k -> initial);
  }

  private PairState configure(String customerId, String subscriptionId) {
    String customer = Dataset.canonical(Objects.requireNonNull(customerId, "customerId == null"));
    String subscription =
        Dataset.canonical(Objects.requireNonNull(subscriptionId, "subscriptionId == null"));
    return states.computeIfAbsent(
        List.of(customer, subscription),
        key -> {
          PairState initial = ScenarioIds.initialState(customer);
          return initial != null ? initial : new PairState();
        });
  }

  private static int checkCalls(int calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls < 0: " + calls);
    }
    return calls;
  }
}
