package io.github.pcusage.sandbox;

/** How a pair's records are written beside the documented shape (see {@link RecordWriter}). */
enum RecordStyle {
  /** The documented shape; optional fields that have no value are left out. */
  STANDARD,
  /**
   * Shapes seen in real payloads: {@code tags: ""}, {@code additionalInfo} and {@code instanceData}
   * as JSON strings, a number inside {@code additionalInfo}, unknown fields.
   */
  QUIRKS,
  /**
   * Explicit JSON {@code null} for optional fields: every absent one, and in rotation {@code unit},
   * {@code infoFields}, {@code tags}, {@code additionalInfo}, {@code instanceData} and others.
   */
  NULLS
}
