package io.github.pcusage.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The command-line options of the sandbox, declared once for {@link SandboxMain} and for the CLI's
 * {@code pcusage sandbox}: each with its name, value label, value type, default, help text and the
 * {@link Sandbox.Builder} setting it makes.
 *
 * <p>A command line reads a value as {@link #type()} ({@link #parse} does, or a command-line
 * library does from the type) and hands it to {@link #apply}, which names the option in its errors.
 * {@link #shared()} are the options of both commands (new ones get labels that keep {@code pcusage
 * sandbox --help}'s option column as it is: a name and label of 19 or 20 characters would widen
 * it); {@link #TOKEN}, {@link #NEXT_LINK}, {@link #THREADS} and {@link #UNKNOWN_PARAMS} are {@code
 * SandboxMain}'s only, for tests and benchmarks.
 */
public enum SandboxOption {
  /** {@code --port P}: {@link Sandbox.Builder#port}. */
  PORT(
      "--port",
      "P",
      Integer.class,
      "0",
      "Port on 127.0.0.1; 0 picks a free one",
      true,
      (b, v) -> b.port((Integer) v)),
  /** {@code --seed S}: {@link Sandbox.Builder#seed}. */
  SEED("--seed", "S", Long.class, "42", "Seed of the data set", true, (b, v) -> b.seed((Long) v)),
  /** {@code --customers N}: {@link Sandbox.Builder#customers}. */
  CUSTOMERS(
      "--customers",
      "N",
      Integer.class,
      "3",
      "Customers",
      true,
      (b, v) -> b.customers((Integer) v)),
  /** {@code --subscriptions M}: {@link Sandbox.Builder#subscriptionsPerCustomer}. */
  SUBSCRIPTIONS(
      "--subscriptions",
      "M",
      Integer.class,
      "2",
      "Subscriptions per customer",
      true,
      (b, v) -> b.subscriptionsPerCustomer((Integer) v)),
  /** {@code --records K}: {@link Sandbox.Builder#recordsPerSubscription}. */
  RECORDS(
      "--records",
      "K",
      Integer.class,
      "2500",
      "Daily records per subscription",
      true,
      (b, v) -> b.recordsPerSubscription((Integer) v)),
  /** {@code --latency-ms L}: {@link Sandbox.Builder#latency}. */
  LATENCY_MS(
      "--latency-ms",
      "L",
      Long.class,
      "0",
      "Fixed delay before every answer, in ms",
      true,
      (b, v) -> b.latency(Duration.ofMillis((Long) v))),
  /** {@code --faults SPEC}: {@link Sandbox.Builder#faults}, parsed by {@link Faults#parse}. */
  FAULTS(
      "--faults",
      "SPEC",
      String.class,
      "none",
      "Faults to inject, e.g. 429=0.05,500=0.02,204-next=0.05,reset=0.01,seed=7",
      true,
      (b, v) -> b.faults(Faults.parse((String) v))),
  /**
   * {@code --page-cache-mb MB}: {@link Sandbox.Builder#pageCacheBytes} in MiB. A benchmark that
   * measures its client gives a size that holds its whole listing, so pages are rendered once.
   */
  PAGE_CACHE_MB(
      "--page-cache-mb",
      "MB",
      Long.class,
      "64",
      "Memory for rendered pages, in MiB; 0 renders every page",
      true,
      (b, v) -> b.pageCacheBytes(mebibytes((Long) v))),
  /** {@code --unpriced-meters COUNT}: {@link Sandbox.Builder#unpricedMeters}. */
  UNPRICED_METERS(
      "--unpriced-meters",
      "COUNT",
      Integer.class,
      "0",
      "Meters in use that the rate card leaves out",
      true,
      (b, v) -> b.unpricedMeters((Integer) v)),
  /** {@code --rate-card-meters COUNT}: {@link Sandbox.Builder#rateCardMeters}. */
  RATE_CARD_METERS(
      "--rate-card-meters",
      "COUNT",
      Integer.class,
      "0",
      "Pad the rate card with generated meters up to COUNT meters; 0 adds none",
      true,
      (b, v) -> b.rateCardMeters((Integer) v)),
  /** {@code --rate-card-latency-ms L}: {@link Sandbox.Builder#rateCardLatency}. */
  RATE_CARD_LATENCY_MS(
      "--rate-card-latency-ms",
      "L",
      Long.class,
      "0",
      "Extra delay before every rate card answer, in ms",
      true,
      (b, v) -> b.rateCardLatency(Duration.ofMillis((Long) v))),
  /**
   * {@code --customer-list-end last-page|code-2000}: {@link
   * Sandbox.Builder#endCustomerListWithCode2000}.
   */
  CUSTOMER_LIST_END(
      "--customer-list-end",
      "MODE",
      String.class,
      "last-page",
      "End of the customer listing: last-page, or code-2000 (a last next link answered 400, code"
          + " 2000)",
      true,
      (b, v) -> b.endCustomerListWithCode2000(endsWithCode2000((String) v))),
  /** {@code --token T}: {@link Sandbox.Builder#token}; no default (any non-empty token). */
  TOKEN(
      "--token",
      "T",
      String.class,
      null,
      "The only bearer token accepted; without it, any non-empty token",
      false,
      (b, v) -> b.token((String) v)),
  /** {@code --next-link STYLE}: {@link Sandbox.Builder#nextLinkStyle}. */
  NEXT_LINK(
      "--next-link",
      "STYLE",
      String.class,
      "relative",
      "Form of links.next.uri: relative, leading-slash or v1",
      false,
      (b, v) -> b.nextLinkStyle(NextLinkStyle.parse((String) v))),
  /** {@code --threads N}: {@link Sandbox.Builder#threads}. */
  THREADS(
      "--threads",
      "N",
      Integer.class,
      "16",
      "Threads that serve requests",
      false,
      (b, v) -> b.threads((Integer) v)),
  /** {@code --unknown-params ignore|reject}: {@link Sandbox.Builder#rejectUnknownParameters}. */
  UNKNOWN_PARAMS(
      "--unknown-params",
      "MODE",
      String.class,
      "ignore",
      "Unknown query parameters: ignore, or reject with a 400",
      false,
      (b, v) -> b.rejectUnknownParameters(rejectsUnknown((String) v)));

  private final String optionName;
  private final String paramLabel;
  private final Class<?> type;
  private final String defaultValue;
  private final String description;
  private final boolean bothCommands;
  private final BiConsumer<Sandbox.Builder, Object> setting;

  SandboxOption(
      String optionName,
      String paramLabel,
      Class<?> type,
      String defaultValue,
      String description,
      boolean bothCommands,
      BiConsumer<Sandbox.Builder, Object> setting) {
    this.optionName = optionName;
    this.paramLabel = paramLabel;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.bothCommands = bothCommands;
    this.setting = setting;
  }

  private static long mebibytes(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("page cache < 0 MiB: " + value);
    }
    if (value > Long.MAX_VALUE >> 20) {
      throw new IllegalArgumentException("page cache too large: " + value + " MiB");
    }
    return value << 20;
  }

  private static boolean rejectsUnknown(String mode) {
    switch (mode) {
      case "ignore":
        return false;
      case "reject":
        return true;
      default:
        throw new IllegalArgumentException("expected ignore or reject: " + mode);
    }
  }

  private static boolean endsWithCode2000(String mode) {
    switch (mode) {
      case "last-page":
        return false;
      case "code-2000":
        return true;
      default:
        throw new IllegalArgumentException("expected last-page or code-2000: " + mode);
    }
  }

  /** Returns the options of both {@code SandboxMain} and {@code pcusage sandbox}, in help order. */
  public static List<SandboxOption> shared() {
    List<SandboxOption> options = new ArrayList<>();
    for (SandboxOption option : values()) {
      if (option.bothCommands) {
        options.add(option);
      }
    }
    return options;
  }

  /** Returns the option named {@code name} (e.g. {@code --port}), or null when there is none. */
  public static SandboxOption named(String name) {
    for (SandboxOption option : values()) {
      if (option.optionName.equals(name)) {
        return option;
      }
    }
    return null;
  }

  /** Returns the option's name on the command line, e.g. {@code --port}. */
  public String optionName() {
    return optionName;
  }

  /** Returns the label of its value in help texts, e.g. {@code P}. */
  public String paramLabel() {
    return paramLabel;
  }

  /** Returns the type of its value: {@code Integer}, {@code Long} or {@code String}. */
  public Class<?> type() {
    return type;
  }

  /**
   * Returns the default value as written on a command line (the {@link Sandbox.Builder}'s default),
   * or null for {@link #TOKEN}, which has none.
   */
  public String defaultValue() {
    return defaultValue;
  }

  /** Returns the help text, without the default and without a final period. */
  public String description() {
    return description;
  }

  /**
   * Reads a value as {@link #type()}.
   *
   * @throws IllegalArgumentException naming the option when a number is expected and not given
   */
  public Object parse(String value) {
    try {
      if (type == Integer.class) {
        return Integer.valueOf(value);
      }
      if (type == Long.class) {
        return Long.valueOf(value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + optionName + " needs a number: " + value, e);
    }
  }

  /**
   * Sets a value of {@link #type()} on a builder.
   *
   * @throws IllegalArgumentException when the builder refuses the value; its message starts with
   *     the option's name, e.g. {@code --port: port out of range: 70000}
   */
  public void apply(Sandbox.Builder builder, Object value) {
    try {
      setting.accept(builder, type.cast(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(optionName + ": " + e.getMessage(), e);
    }
  }
}
