package io.github.pcusage.cli;

import java.nio.file.Path;

/**
 * The outcome of one target of an export: its part file and what it holds, and on a failure the
 * exception and the checkpoint to resume from (null when none was saved).
 */
final class TargetResult {
  final int index;
  final Target target;
  final Path part;
  final long records;
  final long pages;
  final RuntimeException failure;
  final Path checkpoint;

  TargetResult(
      int index,
      Target target,
      Path part,
      long records,
      long pages,
      RuntimeException failure,
      Path checkpoint) {
    this.index = index;
    this.target = target;
    this.part = part;
    this.records = records;
    this.pages = pages;
    this.failure = failure;
    this.checkpoint = checkpoint;
  }
}
