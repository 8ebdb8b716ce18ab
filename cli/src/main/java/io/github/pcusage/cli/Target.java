package io.github.pcusage.cli;

import java.util.Objects;

/** One customer/subscription pair of an export, with the line of the targets file it came from. */
public final class Target {
  /** The customer (tenant) id. */
  public final String customerId;

  /** The subscription id. */
  public final String subscriptionId;

  /** The line of the targets file (or the position in a discovered list), for messages. */
  public final long line;

  /**
   * Creates a target.
   *
   * @param customerId the customer id
   * @param subscriptionId the subscription id
   * @param line its line in the targets file, for messages
   */
  public Target(String customerId, String subscriptionId, long line) {
    this.customerId = Objects.requireNonNull(customerId, "customerId == null");
    this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId == null");
    this.line = line;
  }

  @Override
  public String toString() {
    return "customer " + customerId + ", subscription " + subscriptionId;
  }
}
