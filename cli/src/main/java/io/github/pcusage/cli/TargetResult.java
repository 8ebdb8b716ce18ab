package io.github.pcusage.cli;

import io.github.pcusage.PartnerCenterException;
import java.nio.file.Path;

/**
 * The outcome of one target of an export: its part file and what it holds, its {@link Status}, and
 * on a failure what Partner Center answered (the exception of this run, or what an earlier run
 * saved) and the checkpoint to resume from (null when none was saved).
 */
public final class TargetResult {
  /** Where a target stands; the names are the values of the status file's {@code status}. */
  public enum Status {
    /** Every page is in its part file. */
    complete,
    /**
     * Failed for a reason retrying cannot fix (HTTP 400, 403, 404 and the other 4xx but 401, 408,
     * 429): {@code --resume} retries it only with {@code --retry-failed}.
     */
    failed,
    /** Not started, interrupted, or failed for a reason that may pass: {@code --resume} goes on. */
    unfinished
  }

  final int index;

  /** The target. */
  public final Target target;

  /** Its part file in the work directory. */
  public final Path part;

  /** The records its part holds. */
  public final long records;

  final long pages;

  /** Where it stands. */
  public final Status status;

  /** The failure of this run, or null (complete, or failed in an earlier run). */
  final RuntimeException failure;

  /** The failure's one-line message, or null when complete. */
  public final String message;

  /** The HTTP status of the failure, 0 when there was none (I/O) or no failure. */
  final int httpStatus;

  final String errorCode;
  final String requestId;
  final Path checkpoint;

  /** Whether the target failed in an earlier run and was not retried in this one. */
  final boolean earlier;

  private TargetResult(
      int index,
      Target target,
      Path part,
      long records,
      long pages,
      Status status,
      RuntimeException failure,
      String message,
      int httpStatus,
      String errorCode,
      String requestId,
      Path checkpoint,
      boolean earlier) {
    this.index = index;
    this.target = target;
    this.part = part;
    this.records = records;
    this.pages = pages;
    this.status = status;
    this.failure = failure;
    this.message = message;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.checkpoint = checkpoint;
    this.earlier = earlier;
  }

  static TargetResult complete(int index, Target target, Path part, long records, long pages) {
    return new TargetResult(
        index,
        target,
        part,
        records,
        pages,
        Status.complete,
        null,
        null,
        0,
        null,
        null,
        null,
        false);
  }

  /** A target whose run ended with {@code e}: failed or unfinished, as {@link #isFinal} says. */
  static TargetResult failure(
      int index,
      Target target,
      Path part,
      long records,
      long pages,
      RuntimeException e,
      String message,
      Path checkpoint) {
    PartnerCenterException api =
        e instanceof PartnerCenterException ? (PartnerCenterException) e : null;
    return new TargetResult(
        index,
        target,
        part,
        records,
        pages,
        isFinal(e) ? Status.failed : Status.unfinished,
        e,
        message,
        api == null ? 0 : api.statusCode(),
        api == null ? null : api.errorCode(),
        api == null ? null : api.requestId(),
        checkpoint,
        false);
  }

  /** A target that failed in an earlier run, as that run saved it, not retried in this one. */
  static TargetResult failedEarlier(
      int index,
      Target target,
      Path part,
      long records,
      long pages,
      String message,
      int httpStatus,
      String errorCode,
      String requestId,
      Path checkpoint) {
    return new TargetResult(
        index,
        target,
        part,
        records,
        pages,
        Status.failed,
        null,
        message,
        httpStatus,
        errorCode,
        requestId,
        checkpoint,
        true);
  }

  /** A target not run yet (the status file's first rows), with what its checkpoint holds. */
  static TargetResult unfinished(int index, Target target, Path part, long records, long pages) {
    return new TargetResult(
        index,
        target,
        part,
        records,
        pages,
        Status.unfinished,
        null,
        null,
        0,
        null,
        null,
        null,
        false);
  }

  /**
   * Returns whether retrying cannot fix {@code e}: Partner Center refused the request itself (a 4xx
   * other than 401, whose token a new run renews, 408 and 429).
   */
  static boolean isFinal(RuntimeException e) {
    if (!(e instanceof PartnerCenterException)) {
      return false;
    }
    int status = ((PartnerCenterException) e).statusCode();
    return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
  }
}
