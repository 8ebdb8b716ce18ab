package io.github.pcusage;

import io.github.pcusage.model.Granularity;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What to list: a reporting window {@code [startTime, endTime)}, a granularity, whether to split
 * records per resource instance, and a page size. Immutable.
 *
 * <p>The window selects records by when their usage was <em>reported</em> to billing, not when it
 * was consumed: a record's {@code usageStartTime} can precede {@code startTime}. Adjacent windows
 * never return the same record; overlapping windows do.
 *
 * <pre>{@code
 * UtilizationQuery query = UtilizationQuery.builder()
 *     .startTime(OffsetDateTime.parse("2026-10-01T00:00:00Z"))
 *     .endTime(OffsetDateTime.parse("2026-11-01T00:00:00Z"))
 *     .granularity(Granularity.DAILY)
 *     .build();
 * }</pre>
 */
public final class UtilizationQuery {
  /** The largest page the service serves. */
  public static final int MAX_PAGE_SIZE = 1000;

  private final OffsetDateTime startTime;
  private final OffsetDateTime endTime;
  private final Granularity granularity;
  private final boolean showDetails;
  private final int pageSize;

  private UtilizationQuery(Builder builder) {
    this.startTime = builder.startTime;
    this.endTime = builder.endTime;
    this.granularity = builder.granularity;
    this.showDetails = builder.showDetails;
    this.pageSize = builder.pageSize;
  }

  /**
   * Returns a new builder; {@code startTime} and {@code endTime} must be set.
   *
   * @return a builder with granularity daily, details on and pages of 1000
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the start of the reporting window, inclusive.
   *
   * @return the start time
   */
  public OffsetDateTime startTime() {
    return startTime;
  }

  /**
   * Returns the end of the reporting window, exclusive.
   *
   * @return the end time
   */
  public OffsetDateTime endTime() {
    return endTime;
  }

  /**
   * Returns the granularity.
   *
   * @return daily or hourly
   */
  public Granularity granularity() {
    return granularity;
  }

  /**
   * Returns whether records are split per resource instance (and carry instance data).
   *
   * @return true for instance-level records
   */
  public boolean showDetails() {
    return showDetails;
  }

  /**
   * Returns the number of records asked for per page.
   *
   * @return 1 to 1000
   */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UtilizationQuery)) {
      return false;
    }
    UtilizationQuery that = (UtilizationQuery) o;
    return startTime.equals(that.startTime)
        && endTime.equals(that.endTime)
        && granularity == that.granularity
        && showDetails == that.showDetails
        && pageSize == that.pageSize;
  }

  @Override
  public int hashCode() {
    return Objects.hash(startTime, endTime, granularity, showDetails, pageSize);
  }

  @Override
  public String toString() {
    return "UtilizationQuery{startTime="
        + startTime
        + ", endTime="
        + endTime
        + ", granularity="
        + granularity
        + ", showDetails="
        + showDetails
        + ", pageSize="
        + pageSize
        + "}";
  }

  /** Builds {@link UtilizationQuery} values; validates in {@link #build()}. */
  public static final class Builder {
    private OffsetDateTime startTime;
    private OffsetDateTime endTime;
    private Granularity granularity = Granularity.DAILY;
    private boolean showDetails = true;
    private int pageSize = MAX_PAGE_SIZE;

    private Builder() {}

    /**
     * Sets the start of the reporting window, inclusive. Required.
     *
     * @param startTime the start, with its offset
     * @return this builder
     */
    public Builder startTime(OffsetDateTime startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * Sets the end of the reporting window, exclusive. Required.
     *
     * @param endTime the end, with its offset
     * @return this builder
     */
    public Builder endTime(OffsetDateTime endTime) {
      this.endTime = endTime;
      return this;
    }

    /**
     * Sets the granularity; daily by default.
     *
     * @param granularity daily or hourly
     * @return this builder
     */
    public Builder granularity(Granularity granularity) {
      this.granularity = granularity;
      return this;
    }

    /**
     * Sets whether records are split per resource instance; true by default.
     *
     * @param showDetails false to aggregate per resource
     * @return this builder
     */
    public Builder showDetails(boolean showDetails) {
      this.showDetails = showDetails;
      return this;
    }

    /**
     * Sets the page size, from 1 to 1000; 1000 by default.
     *
     * @param pageSize records per page
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Returns the query.
     *
     * @return the query
     * @throws IllegalArgumentException naming the field, if a time is missing, the start is not
     *     before the end, the granularity is missing or unknown, or the page size is out of range
     */
    public UtilizationQuery build() {
      if (startTime == null) {
        throw new IllegalArgumentException(
            "startTime is required: set the start of the reporting window");
      }
      if (endTime == null) {
        throw new IllegalArgumentException(
            "endTime is required: set the end of the reporting window");
      }
      if (!startTime.isBefore(endTime)) {
        throw new IllegalArgumentException(
            "startTime (" + startTime + ") must be before endTime (" + endTime + ")");
      }
      if (granularity == null || granularity == Granularity.UNKNOWN) {
        throw new IllegalArgumentException(
            "granularity is " + granularity + ": use Granularity.DAILY or Granularity.HOURLY");
      }
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize is " + pageSize + ": use a page size from 1 to " + MAX_PAGE_SIZE);
      }
      return new UtilizationQuery(this);
    }
  }
}
