package io.github.pcusage.sandbox.testing;

import io.github.pcusage.sandbox.FaultCounters;
import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.NextLinkStyle;
import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.sandbox.Scenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that gives a test a running {@link Sandbox} and closes it afterwards.
 *
 * <pre>{@code
 * class PagingTest {
 *   @RegisterExtension
 *   static final SandboxExtension sandbox =
 *       SandboxExtension.builder().seed(42).recordsPerSubscription(2500).build();
 *
 *   @Test
 *   void listsEveryRecord() {
 *     String customer = sandbox.customerIds().get(0);
 *     get(sandbox.baseUrl() + "/v1/customers/" + customer + "/...");
 *   }
 * }
 * }</pre>
 *
 * <p>The lifecycle follows the field, as with any {@code @RegisterExtension}: a {@code static}
 * field starts one sandbox before all tests of the class (before its {@code @BeforeAll} methods)
 * and closes it after them (after its {@code @AfterAll} methods); an instance field starts a fresh
 * sandbox for each test (before its {@code @BeforeEach} methods) and closes it after the test. With
 * {@code @TestInstance(PER_CLASS)} an instance field is class-wide too. {@code @Nested} classes
 * share the sandbox of their enclosing class.
 *
 * <p>The builder takes the options of {@link Sandbox.Builder}, with the same defaults (seed 42, 3
 * customers x 2 subscriptions x 2500 records, no latency, no faults, any token, a free port). The
 * accessors ({@link #baseUrl()}, {@link #customerIds()}, {@link #scenarios()}...) are those of the
 * running sandbox, and throw {@link IllegalStateException} when none is running.
 */
public final class SandboxExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final List<Consumer<Sandbox.Builder>> options;
  private volatile Sandbox running;
  private volatile String owner;

  private SandboxExtension(List<Consumer<Sandbox.Builder>> options) {
    this.options = options;
  }

  /** Returns a builder with the defaults of {@link Sandbox#builder()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the running sandbox.
   *
   * @throws IllegalStateException if no sandbox is running (outside the extension's lifecycle)
   */
  public Sandbox sandbox() {
    Sandbox sandbox = running;
    if (sandbox == null) {
      throw new IllegalStateException(
          "no sandbox is running: register the SandboxExtension with @RegisterExtension and use it"
              + " inside its lifecycle");
    }
    return sandbox;
  }

  /** Returns the API root of the running sandbox without {@code /v1}. */
  public String baseUrl() {
    return sandbox().baseUrl();
  }

  /** Returns the port the running sandbox listens on. */
  public int port() {
    return sandbox().port();
  }

  /** Returns the customer ids of the running sandbox's data set. */
  public List<String> customerIds() {
    return sandbox().customerIds();
  }

  /**
   * Returns the subscription ids of a customer of the running sandbox's data set.
   *
   * @throws IllegalArgumentException if the customer is not in the data set
   */
  public List<String> subscriptionIds(String customerId) {
    return sandbox().subscriptionIds(customerId);
  }

  /** Returns the provider states of the running sandbox. */
  public Scenarios scenarios() {
    return sandbox().scenarios();
  }

  /** Returns the live counts of the faults the running sandbox served. */
  public FaultCounters faultCounters() {
    return sandbox().faultCounters();
  }

  /** Returns how many HTTP requests the running sandbox has received. */
  public long requestCount() {
    return sandbox().requestCount();
  }

  /**
   * Starts another sandbox with this extension's options, outside its lifecycle: the caller closes
   * it. For tests that compare two sandboxes of the same configuration (a restart, a fresh state).
   */
  public Sandbox newSandbox() {
    Sandbox.Builder builder = Sandbox.builder();
    options.forEach(option -> option.accept(builder));
    return builder.start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop(context);
  }

  /** Starts a sandbox unless one runs already, e.g. one of the class around this test. */
  private synchronized void start(ExtensionContext context) {
    if (running == null) {
      running = newSandbox();
      owner = context.getUniqueId();
    }
  }

  /** Closes the sandbox at the end of the class or test that started it. */
  private synchronized void stop(ExtensionContext context) {
    Sandbox sandbox = running;
    if (sandbox != null && context.getUniqueId().equals(owner)) {
      running = null;
      owner = null;
      sandbox.close();
    }
  }

  @Override
  public String toString() {
    Sandbox sandbox = running;
    return "SandboxExtension{" + (sandbox == null ? "not running" : sandbox) + "}";
  }

  /**
   * Configures a {@link SandboxExtension}; each option is checked as it is set, as {@link
   * Sandbox.Builder} checks it. Not thread-safe.
   */
  public static final class Builder {
    private final List<Consumer<Sandbox.Builder>> options = new ArrayList<>();
    private final Sandbox.Builder check = Sandbox.builder();

    private Builder() {}

    private Builder option(Consumer<Sandbox.Builder> option) {
      option.accept(check);
      options.add(option);
      return this;
    }

    /** The seed of the data set (default 42). */
    public Builder seed(long seed) {
      return option(b -> b.seed(seed));
    }

    /** The number of customers (default 3). */
    public Builder customers(int customers) {
      return option(b -> b.customers(customers));
    }

    /** The number of subscriptions of each customer (default 2). */
    public Builder subscriptionsPerCustomer(int subscriptionsPerCustomer) {
      return option(b -> b.subscriptionsPerCustomer(subscriptionsPerCustomer));
    }

    /** The number of daily records of each subscription (default 2500). */
    public Builder recordsPerSubscription(int recordsPerSubscription) {
      return option(b -> b.recordsPerSubscription(recordsPerSubscription));
    }

    /** A fixed delay before every answer (default none). */
    public Builder latency(Duration latency) {
      return option(b -> b.latency(latency));
    }

    /** The faults to inject (default {@link Faults#none()}). */
    public Builder faults(Faults faults) {
      return option(b -> b.faults(faults));
    }

    /** The faults to inject, in the syntax of {@link Faults#parse(String)}. */
    public Builder faults(String spec) {
      return faults(Faults.parse(Objects.requireNonNull(spec, "spec == null")));
    }

    /** The only bearer token accepted; by default any non-empty token is. */
    public Builder token(String token) {
      return option(b -> b.token(token));
    }

    /** The form of {@code links.next.uri} (default {@link NextLinkStyle#RELATIVE}). */
    public Builder nextLinkStyle(NextLinkStyle nextLinkStyle) {
      return option(b -> b.nextLinkStyle(nextLinkStyle));
    }

    /** The number of threads that serve requests (default 16). */
    public Builder threads(int threads) {
      return option(b -> b.threads(threads));
    }

    /** The memory kept for rendered pages, in bytes (default 64 MiB); 0 renders every request. */
    public Builder pageCacheBytes(long pageCacheBytes) {
      return option(b -> b.pageCacheBytes(pageCacheBytes));
    }

    /** Whether an unknown query parameter is a 400 instead of being ignored (default false). */
    public Builder rejectUnknownParameters(boolean rejectUnknownParameters) {
      return option(b -> b.rejectUnknownParameters(rejectUnknownParameters));
    }

    /** How many meters in use the rate card leaves out (default 0). */
    public Builder unpricedMeters(int unpricedMeters) {
      return option(b -> b.unpricedMeters(unpricedMeters));
    }

    /** Pads the rate card with generated meters up to this many (default 0: no padding). */
    public Builder rateCardMeters(int rateCardMeters) {
      return option(b -> b.rateCardMeters(rateCardMeters));
    }

    /** A delay before every rate card answer (default none). */
    public Builder rateCardLatency(Duration rateCardLatency) {
      return option(b -> b.rateCardLatency(rateCardLatency));
    }

    /** Whether the customer listing ends with a 400, code 2000 (default false). */
    public Builder endCustomerListWithCode2000(boolean endCustomerListWithCode2000) {
      return option(b -> b.endCustomerListWithCode2000(endCustomerListWithCode2000));
    }

    /** Returns the extension; later changes to this builder do not affect it. */
    public SandboxExtension build() {
      return new SandboxExtension(List.copyOf(options));
    }
  }
}
