package io.github.pcusage.cli;

import io.github.pcusage.Continuation;
import java.io.IOException;
import java.io.PrintStream;

/** Writes pages to standard output as they arrive; no checkpoint. */
final class StreamSink implements PageSink {
  private final PrintStream out;
  private long records;

  StreamSink(PrintStream out) {
    this.out = out;
  }

  void header(byte[] header) {
    out.write(header, 0, header.length);
    flush();
  }

  @Override
  public void page(PageBuffer data, int pageRecords, Continuation next) {
    try {
      data.writeTo(out);
    } catch (IOException e) {
      throw new IllegalStateException("a PrintStream does not throw", e);
    }
    flush();
    records += pageRecords;
  }

  long records() {
    return records;
  }

  private void flush() {
    out.flush();
    if (out.checkError()) {
      throw new CliException(
          ExitCode.LOCAL_FILE, "cannot write to standard output (closed or full): stopped");
    }
  }
}
