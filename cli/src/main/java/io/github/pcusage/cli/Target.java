package io.github.pcusage.cli;

import java.util.Objects;

/** One customer/subscription pair of an export, with the line of the targets file it came from. */
final class Target {
  final String customerId;
  final String subscriptionId;
  final long line;

  Target(String customerId, String subscriptionId, long line) {
    this.customerId = Objects.requireNonNull(customerId, "customerId == null");
    this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId == null");
    this.line = line;
  }

  @Override
  public String toString() {
    return "customer " + customerId + ", subscription " + subscriptionId;
  }
}
