package io.github.pcusage.sandbox;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An embedded fake Partner Center: a real HTTP server on 127.0.0.1 that serves the Azure
 * utilization and usage summary operations, the customer listing, each customer's subscriptions and
 * the Azure rate card under {@code /v1}, from a data set derived from a seed.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().port(0).seed(42).start()) {
 *   String customer = sandbox.customerIds().get(0);
 *   String subscription = sandbox.subscriptionIds(customer).get(0);
 *   URI first = URI.create(sandbox.baseUrl() + "/v1/customers/" + customer + "/subscriptions/"
 *       + subscription + "/utilizations/azure?start_time=2026-10-01T00:00:00Z"
 *       + "&end_time=2026-11-01T00:00:00Z");
 *   // GET it with "Authorization: Bearer anything", then follow links.next.
 * }
 * }</pre>
 *
 * <p>Thread-safe; serves concurrent clients from a bounded pool of threads. Each instance has its
 * own scenario state and fault counters.
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxParts parts;
  private final String baseUrl;
  private volatile boolean closed;

  private Sandbox(SandboxParts parts) {
    this.parts = parts;
    this.baseUrl = "http://127.0.0.1:" + parts.server().port();
  }

  /**
   * Returns a builder with the defaults: port 0, seed 42, 3 customers x 2 subscriptions x 2500
   * records.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the API root without {@code /v1}, e.g. {@code http://127.0.0.1:49152}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Returns the port the server listens on. */
  public int port() {
    return parts.server().port();
  }

  /** Returns the data set: its customers, subscriptions and seed. */
  public Dataset dataset() {
    return parts.dataset();
  }

  /** Returns the customer ids of the data set; shorthand for {@code dataset().customerIds()}. */
  public List<String> customerIds() {
    return parts.dataset().customerIds();
  }

  /**
   * Returns the subscription ids of a customer of the data set.
   *
   * @throws IllegalArgumentException if the customer is not in the data set
   */
  public List<String> subscriptionIds(String customerId) {
    return parts.dataset().subscriptionIds(customerId);
  }

  /** Returns the provider states of this sandbox, to change at run time. */
  public Scenarios scenarios() {
    return parts.scenarios();
  }

  /** Returns the fault settings. */
  public Faults faults() {
    return parts.faults();
  }

  /** Returns the live counts of the faults served. */
  public FaultCounters faultCounters() {
    return parts.faultCounters();
  }

  /** Returns the memory kept for rendered pages, in bytes; 0 when every page is rendered. */
  public long pageCacheBytes() {
    return parts.pageCacheBytes();
  }

  /**
   * Returns the ids of the meters in use the rate card leaves out ({@link Builder#unpricedMeters}).
   */
  public List<String> unpricedMeterIds() {
    return parts.rateCard().unpricedMeterIds();
  }

  /** Returns the number of meters the rate card lists. */
  public int rateCardMeterCount() {
    return parts.rateCard().meterCount();
  }

  /** Returns how many HTTP requests the server has received. */
  public long requestCount() {
    return parts.requests().get();
  }

  /** Stops the server at once and frees its threads; calling it again does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    parts.server().stop();
  }

  @Override
  public String toString() {
    return "Sandbox{"
        + baseUrl
        + ", seed="
        + parts.dataset().seed()
        + ", faults="
        + parts.faults()
        + "}";
  }

  /** Configures and starts a {@link Sandbox}. Not thread-safe. */
  public static final class Builder {
    int port;
    long seed = 42;
    int customers = 3;
    int subscriptionsPerCustomer = 2;
    int recordsPerSubscription = 2500;
    Duration latency = Duration.ZERO;
    Faults faults = Faults.none();
    String token;
    NextLinkStyle nextLinkStyle = NextLinkStyle.RELATIVE;
    int threads = 16;
    long pageCacheBytes = 64L << 20;
    boolean rejectUnknownParameters;
    int unpricedMeters;
    int rateCardMeters;
    Duration rateCardLatency = Duration.ZERO;
    boolean endCustomerListWithCode2000;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** The seed of the data set (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The number of customers (default 3). */
    public Builder customers(int customers) {
      if (customers < 1) {
        throw new IllegalArgumentException("customers < 1: " + customers);
      }
      this.customers = customers;
      return this;
    }

    /** The number of subscriptions of each customer (default 2). */
    public Builder subscriptionsPerCustomer(int subscriptionsPerCustomer) {
      if (subscriptionsPerCustomer < 1) {
        throw new IllegalArgumentException(
            "subscriptionsPerCustomer < 1: " + subscriptionsPerCustomer);
      }
      this.subscriptionsPerCustomer = subscriptionsPerCustomer;
      return this;
    }

    /** The number of daily records of each subscription (default 2500). */
    public Builder recordsPerSubscription(int recordsPerSubscription) {
      if (recordsPerSubscription < 0) {
        throw new IllegalArgumentException("recordsPerSubscription < 0: " + recordsPerSubscription);
      }
      this.recordsPerSubscription = recordsPerSubscription;
      return this;
    }

    /** A fixed delay before every answer, for benchmarks (default none). */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency == null");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency < 0: " + latency);
      }
      this.latency = latency;
      return this;
    }

    /** The faults to inject (default {@link Faults#none()}). */
    public Builder faults(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults == null");
      return this;
    }

    /** The only bearer token accepted; by default any non-empty token is. */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token == null");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token is blank");
      }
      this.token = token;
      return this;
    }

    /** The form of {@code links.next.uri} (default {@link NextLinkStyle#RELATIVE}). */
    public Builder nextLinkStyle(NextLinkStyle nextLinkStyle) {
      this.nextLinkStyle = Objects.requireNonNull(nextLinkStyle, "nextLinkStyle == null");
      return this;
    }

    /** The number of threads that serve requests (default 16). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads < 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The memory kept for rendered pages, in bytes (default 64 MiB); 0 renders every request. */
    public Builder pageCacheBytes(long pageCacheBytes) {
      if (pageCacheBytes < 0) {
        throw new IllegalArgumentException("pageCacheBytes < 0: " + pageCacheBytes);
      }
      this.pageCacheBytes = pageCacheBytes;
      return this;
    }

    /**
     * Whether a query parameter the operation does not read is a 400 (code 800002) instead of being
     * ignored (default false: ignored). Names are compared ignoring case.
     */
    public Builder rejectUnknownParameters(boolean rejectUnknownParameters) {
      this.rejectUnknownParameters = rejectUnknownParameters;
      return this;
    }

    /** How many meters in use (at most all) the rate card leaves out; still billed (default 0). */
    public Builder unpricedMeters(int unpricedMeters) {
      if (unpricedMeters < 0 || unpricedMeters > MeterCatalog.METERS.size()) {
        throw new IllegalArgumentException(
            "unpriced meters must be 0 to " + MeterCatalog.METERS.size() + ": " + unpricedMeters);
      }
      this.unpricedMeters = unpricedMeters;
      return this;
    }

    /** Pads the rate card with generated meters up to this many (default 0: no padding). */
    public Builder rateCardMeters(int rateCardMeters) {
      if (rateCardMeters < 0 || rateCardMeters > 1_000_000) {
        throw new IllegalArgumentException(
            "rate card meters must be 0 to 1000000: " + rateCardMeters);
      }
      this.rateCardMeters = rateCardMeters;
      return this;
    }

    /** A delay before every rate card answer, on top of {@link #latency} (default none). */
    public Builder rateCardLatency(Duration rateCardLatency) {
      Objects.requireNonNull(rateCardLatency, "rateCardLatency == null");
      if (rateCardLatency.isNegative()) {
        throw new IllegalArgumentException("rate card latency < 0: " + rateCardLatency);
      }
      this.rateCardLatency = rateCardLatency;
      return this;
    }

    /** Whether the last customer page has a next link answered 400, code 2000 (default false). */
    public Builder endCustomerListWithCode2000(boolean endCustomerListWithCode2000) {
      this.endCustomerListWithCode2000 = endCustomerListWithCode2000;
      return this;
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public Sandbox start() {
      return new Sandbox(SandboxParts.start(this));
    }
  }
}
