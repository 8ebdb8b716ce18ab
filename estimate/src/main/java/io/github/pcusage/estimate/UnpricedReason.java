package io.github.pcusage.estimate;

/** Why a line of an estimate has no price. Such a line is counted, never priced at zero. */
public enum UnpricedReason {
  /** The rate card lists no meter with the records' {@code resource.id}. */
  METER_NOT_IN_RATE_CARD("meter not in the rate card"),
  /** The rate card lists the meter without {@code rates}. */
  METER_WITHOUT_RATES("meter has no rates in the rate card"),
  /** The records' {@code unit} is not the meter's {@code unit} (compared trimmed, in any case). */
  UNIT_MISMATCH("unit differs from the rate card meter's");

  private final String description;

  UnpricedReason(String description) {
    this.description = description;
  }

  /**
   * Returns the reason in words, for reports.
   *
   * @return for example {@code meter not in the rate card}
   */
  public String description() {
    return description;
  }
}
