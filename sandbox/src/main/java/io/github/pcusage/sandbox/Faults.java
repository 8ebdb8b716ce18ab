package io.github.pcusage.sandbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Which share of requests the sandbox answers with a fault, reproducibly for a seed.
 *
 * <p>Spec grammar: {@code none}, empty, or comma-separated {@code key=value} entries, e.g. {@code
 * 429=0.05,500=0.02,503=0.02,204-next=0.05,reset=0.01,slow=0.01,truncate=0.01,seed=7}.
 *
 * <ul>
 *   <li>{@code 429}, {@code 429-date}, {@code 500}, {@code 503}, {@code 204-next}, {@code
 *       204-next-date}, {@code reset}, {@code truncate}, {@code slow}: the share of requests, a
 *       decimal in [0, 1] (see {@link Fault}); the shares may add up to at most 1.
 *   <li>{@code seed}: a long (default 0) that fixes which requests fail.
 *   <li>{@code slow-ms}: the delay of a slow answer in milliseconds (default 2000).
 *   <li>{@code retry-after}: the {@code Retry-After} of 429 and 204 faults in seconds (default 1).
 * </ul>
 *
 * <p>Unknown keys, repeated keys and out-of-range values are rejected with a message naming them.
 * Whether a request fails depends only on the seed, the request (path, query and continuation
 * token) and how many times that same request was received before, never on timing or on other
 * clients: the same requests get the same faults on every run.
 */
public final class Faults {
  private static final Faults NONE =
      new Faults(new EnumMap<>(Fault.class), 0, Duration.ofSeconds(2), 1);

  private final EnumMap<Fault, Double> rates;
  private final long seed;
  private final Duration slowDelay;
  private final long retryAfterSeconds;

  private Faults(
      EnumMap<Fault, Double> rates, long seed, Duration slowDelay, long retryAfterSeconds) {
    this.rates = rates;
    this.seed = seed;
    this.slowDelay = slowDelay;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Returns the value that injects no fault. */
  public static Faults none() {
    return NONE;
  }

  /**
   * Parses a spec (see the class comment).
   *
   * @throws IllegalArgumentException naming the offending entry if the spec is not valid
   */
  public static Faults parse(String spec) {
    Objects.requireNonNull(spec, "spec == null");
    String trimmed = spec.trim();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
      return NONE;
    }
    Faults result = NONE;
    Set<String> seen = new HashSet<>();
    for (String entry : trimmed.split(",", -1)) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "fault spec entry '" + entry.trim() + "' is not key=value (spec: " + spec + ")");
      }
      String key = entry.substring(0, eq).trim();
      String value = entry.substring(eq + 1).trim();
      if (!seen.add(key)) {
        throw new IllegalArgumentException("fault spec key '" + key + "' is repeated");
      }
      Fault fault = Fault.forKey(key);
      try {
        if (fault != null) {
          result = result.withRate(fault, Double.parseDouble(value));
        } else if (key.equals("seed")) {
          result = result.withSeed(Long.parseLong(value));
        } else if (key.equals("slow-ms")) {
          result = result.withSlowDelay(Duration.ofMillis(Long.parseLong(value)));
        } else if (key.equals("retry-after")) {
          result = result.withRetryAfterSeconds(Long.parseLong(value));
        } else {
          throw new IllegalArgumentException(
              "unknown fault spec key '" + key + "'; expected one of: " + knownKeys());
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "fault spec value '" + value + "' of key '" + key + "' is not a number", e);
      }
    }
    return result;
  }

  /**
   * Returns a copy with the share of requests that get {@code fault}.
   *
   * @throws IllegalArgumentException if {@code rate} is outside [0, 1] or the shares exceed 1
   */
  public Faults withRate(Fault fault, double rate) {
    Objects.requireNonNull(fault, "fault == null");
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "fault spec rate of '" + fault.key() + "' must be in [0, 1]: " + rate);
    }
    EnumMap<Fault, Double> copy = new EnumMap<>(rates);
    if (rate == 0) {
      copy.remove(fault);
    } else {
      copy.put(fault, rate);
    }
    double sum = copy.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException("fault spec rates add up to " + sum + ", more than 1");
    }
    return new Faults(copy, seed, slowDelay, retryAfterSeconds);
  }

  /** Returns a copy with another seed. */
  public Faults withSeed(long seed) {
    return new Faults(rates, seed, slowDelay, retryAfterSeconds);
  }

  /**
   * Returns a copy with another delay for {@link Fault#SLOW}.
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  public Faults withSlowDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("fault spec slow-ms must not be negative: " + delay);
    }
    return new Faults(rates, seed, delay, retryAfterSeconds);
  }

  /**
   * Returns a copy with another {@code Retry-After} for 429 and 204 faults.
   *
   * @throws IllegalArgumentException if the value is negative
   */
  public Faults withRetryAfterSeconds(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("fault spec retry-after must not be negative: " + seconds);
    }
    return new Faults(rates, seed, slowDelay, seconds);
  }

  /** Returns the share of requests that get {@code fault}, 0 when none. */
  public double rate(Fault fault) {
    Objects.requireNonNull(fault, "fault == null");
    return rates.getOrDefault(fault, 0.0);
  }

  /** Returns the seed that fixes which requests fail. */
  public long seed() {
    return seed;
  }

  /** Returns the delay of a slow answer. */
  public Duration slowDelay() {
    return slowDelay;
  }

  /** Returns the {@code Retry-After} seconds of 429 and 204 faults. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Returns whether no fault is ever injected. */
  public boolean isNone() {
    return rates.isEmpty();
  }

  /** Returns the rates in {@link Fault} order; package use. */
  Map<Fault, Double> rates() {
    return rates;
  }

  /** Returns the canonical spec of this value, which {@link #parse} reads back. */
  @Override
  public String toString() {
    if (isNone() && seed == 0 && slowDelay.equals(NONE.slowDelay) && retryAfterSeconds == 1) {
      return "none";
    }
    StringJoiner joiner = new StringJoiner(",");
    rates.forEach((fault, rate) -> joiner.add(fault.key() + "=" + rate));
    joiner.add("seed=" + seed);
    joiner.add("slow-ms=" + slowDelay.toMillis());
    joiner.add("retry-after=" + retryAfterSeconds);
    return joiner.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Faults
        && ((Faults) other).rates.equals(rates)
        && ((Faults) other).seed == seed
        && ((Faults) other).slowDelay.equals(slowDelay)
        && ((Faults) other).retryAfterSeconds == retryAfterSeconds;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rates, seed, slowDelay, retryAfterSeconds);
  }

  private static String knownKeys() {
    StringJoiner joiner = new StringJoiner(", ");
    for (Fault fault : Fault.values()) {
      joiner.add(fault.key());
    }
    return joiner.add("seed").add("slow-ms").add("retry-after").toString();
  }
}
