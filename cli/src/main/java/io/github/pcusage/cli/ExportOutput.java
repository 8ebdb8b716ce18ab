package io.github.pcusage.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The output of an export: the parts of the complete targets joined in target-file order, after the
 * header, into {@code FILE} (through {@code FILE.partial}, mode 0600, renamed atomically into place
 * with the umask's permissions) or onto stdout.
 */
final class ExportOutput {
  private ExportOutput() {}

  /**
   * Writes the parts of the complete {@code results} to {@code out}, or to {@code stdout} when
   * {@code out} is null.
   *
   * @throws CliException a file error (exit 6) when a part cannot be read or the output written
   */
  static void write(List<TargetResult> results, RecordFormat format, Path out, PrintStream stdout) {
    byte[] header = format.exportHeader();
    if (out == null) {
      try {
        stdout.write(header, 0, header.length);
        copyParts(results, stdout);
      } catch (IOException e) {
        throw CliException.file("cannot read a part file: " + CheckpointedFile.describe(e), e);
      }
      stdout.flush();
      if (stdout.checkError()) {
        throw new CliException(
            ExitCode.LOCAL_FILE, "cannot write to standard output (closed or full)");
      }
      return;
    }
    Path assembled = CheckpointedFile.partialOf(out);
    try {
      Files.deleteIfExists(assembled);
      Checkpoint.createPrivate(assembled);
      try (OutputStream file = Files.newOutputStream(assembled, StandardOpenOption.WRITE)) {
        file.write(header);
        copyParts(results, file);
      }
      Checkpoint.publish(assembled, out);
    } catch (IOException e) {
      throw CliException.file(
          "--out: cannot write " + out + ": " + CheckpointedFile.describe(e), e);
    }
  }

  private static void copyParts(List<TargetResult> results, OutputStream out) throws IOException {
    for (TargetResult r : results) {
      if (r.status == TargetResult.Status.complete) {
        Files.copy(r.part, out);
      }
    }
  }
}
