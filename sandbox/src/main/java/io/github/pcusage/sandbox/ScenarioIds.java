package io.github.pcusage.sandbox;

import java.util.List;

/**
 * The stable scenario ids: used as a customer id (with any subscription id) they make the sandbox
 * answer a fixed way. A trailing {@code -N} on the counting scenarios means "the first N calls of
 * this pair, then data"; without it the scenario never ends.
 */
final class ScenarioIds {
  /** The prefix of every scenario id. */
  static final String PREFIX = "scenario-";

  /** One example of each scenario, as documented in the README. */
  static final List<String> EXAMPLES =
      List.of(
          "scenario-not-ready-2",
          "scenario-not-ready-date-1",
          "scenario-next-not-ready-1",
          "scenario-next-not-ready-date-1",
          "scenario-next-server-error-1",
          "scenario-bad-request",
          "scenario-unauthorized",
          "scenario-forbidden",
          "scenario-not-found",
          "scenario-throttled-1",
          "scenario-throttled-date-1",
          "scenario-server-error-1",
          "scenario-unavailable-1",
          "scenario-azure-plan",
          "scenario-no-usage",
          "scenario-next-link-leading-slash",
          "scenario-next-link-v1",
          "scenario-quirks",
          "scenario-nulls");

  private ScenarioIds() {}

  /**
   * Returns the initial state of a pair of this scenario customer id, or null if it is none.
   *
   * @param customerId the customer id in its canonical (lower-case) form
   */
  static PairState initialState(String customerId) {
    if (!customerId.startsWith(PREFIX)) {
      return null;
    }
    String name = customerId.substring(PREFIX.length());
    PairState state = new PairState();
    switch (name) {
      case "bad-request":
        return failing(state, 400, PairState.ALWAYS);
      case "unauthorized":
        return failing(state, 401, PairState.ALWAYS);
      case "forbidden":
        return failing(state, 403, PairState.ALWAYS);
      case "not-found":
        return failing(state, 404, PairState.ALWAYS);
      case "azure-plan":
        state.azurePlan = true;
        return state;
      case "no-usage":
        state.noUsage = true;
        return state;
      case "next-link-leading-slash":
        state.nextLinkStyle = NextLinkStyle.LEADING_SLASH;
        return state;
      case "next-link-v1":
        state.nextLinkStyle = NextLinkStyle.V1;
        return state;
      case "quirks":
        state.recordStyle = RecordStyle.QUIRKS;
        return state;
      case "nulls":
        state.recordStyle = RecordStyle.NULLS;
        return state;
      default:
        return counting(state, name);
    }
  }

  private static PairState counting(PairState state, String name) {
    int dash = name.lastIndexOf('-');
    String base = name;
    int calls = PairState.ALWAYS;
    if (dash > 0 && name.substring(dash + 1).matches("[0-9]{1,6}")) {
      base = name.substring(0, dash);
      calls = Integer.parseInt(name.substring(dash + 1));
    }
    switch (base) {
      case "not-ready":
        state.notReady.set(calls);
        return state;
      case "not-ready-date":
        state.retryAfterDate = true;
        state.notReady.set(calls);
        return state;
      case "next-not-ready":
        state.nextNotReady.set(calls);
        return state;
      case "next-not-ready-date":
        state.retryAfterDate = true;
        state.nextNotReady.set(calls);
        return state;
      case "next-server-error":
        state.nextFailing.set(calls);
        return state;
      case "throttled":
        return failing(state, 429, calls);
      case "throttled-date":
        state.retryAfterDate = true;
        return failing(state, 429, calls);
      case "server-error":
        return failing(state, 500, calls);
      case "unavailable":
        return failing(state, 503, calls);
      default:
        return null;
    }
  }

  private static PairState failing(PairState state, int status, int calls) {
    state.failStatus = status;
    state.failing.set(calls);
    return state;
  }
}
