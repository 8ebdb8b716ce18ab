package io.github.pcusage.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides which fault, if any, a request gets. The draw is a hash of the fault seed, the request's
 * identity and the number of times the same request was received before: reproducible whatever the
 * timing or the interleaving of concurrent clients, and a retried request draws again.
 */
final class FaultInjector {
  private static final int MAX_TRACKED = 200_000;

  private final Faults faults;
  private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();

  FaultInjector(Faults faults) {
    this.faults = faults;
  }

  /**
   * Returns the fault for this request, or null for none.
   *
   * @param requestKey what identifies the request: path, raw query and continuation token
   * @param followUp whether the request asks for a follow-up page
   */
  Fault decide(String requestKey, boolean followUp) {
    if (faults.isNone()) {
      return null;
    }
    if (attempts.size() > MAX_TRACKED) {
      attempts.clear();
    }
    long key = SeededRandom.hash(requestKey);
    int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    double draw = SeededRandom.unit(SeededRandom.combine(faults.seed(), key, attempt));
    double upper = 0;
    for (Map.Entry<Fault, Double> entry : faults.rates().entrySet()) {
      upper += entry.getValue();
      if (draw < upper) {
        Fault fault = entry.getKey();
        boolean followUpOnly =
            fault == Fault.NEXT_PAGE_NOT_READY || fault == Fault.NEXT_PAGE_NOT_READY_HTTP_DATE;
        return followUpOnly && !followUp ? null : fault;
      }
    }
    return null;
  }

  /** Returns the fault settings. */
  Faults faults() {
    return faults;
  }
}
