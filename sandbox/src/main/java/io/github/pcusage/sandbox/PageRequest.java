package io.github.pcusage.sandbox;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The full state of one utilization page request, whether it came from the query string of a first
 * request or from the continuation token of a follow-up.
 *
 * @param customerId the customer id of the path
 * @param subscriptionId the subscription id of the path
 * @param start the start of the reporting window, inclusive
 * @param end the end of the reporting window, exclusive
 * @param granularity daily or hourly records
 * @param showDetails whether records are per resource instance (true) or aggregated (false)
 * @param size the largest number of records in the page, 1 to 1000
 * @param offset the index of the page's first record in the whole listing
 */
record PageRequest(
    String customerId,
    String subscriptionId,
    OffsetDateTime start,
    OffsetDateTime end,
    Granularity granularity,
    boolean showDetails,
    int size,
    int offset) {

  /** The largest page size the service accepts. */
  static final int MAX_SIZE = 1000;

  PageRequest {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(subscriptionId, "subscriptionId == null");
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(end, "end == null");
    Objects.requireNonNull(granularity, "granularity == null");
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size out of range: " + size);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset < 0: " + offset);
    }
  }

  /** Returns the request of the page after this one. */
  PageRequest next() {
    return new PageRequest(
        customerId, subscriptionId, start, end, granularity, showDetails, size, offset + size);
  }
}
