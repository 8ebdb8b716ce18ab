package io.github.pcusage.cli;

import io.github.pcusage.Continuation;
import java.io.PrintStream;

/** Writes pages to standard output as they arrive; no checkpoint. */
final class StreamSink implements PageSink {
  private final PrintStream out;
  private long records;

  StreamSink(PrintStream out) {
    this.out = out;
  }

  void header(byte[] header) {
    write(header, header.length);
  }

  @Override
  public void page(byte[] data, int length, int pageRecords, Continuation next) {
    write(data, length);
    records += pageRecords;
  }

  long records() {
    return records;
  }

  private void write(byte[] data, int length) {
    out.write(data, 0, length);
    out.flush();
    if (out.checkError()) {
      throw new CliException(
          ExitCode.LOCAL_FILE, "cannot write to standard output (closed or full): stopped");
    }
  }
}
