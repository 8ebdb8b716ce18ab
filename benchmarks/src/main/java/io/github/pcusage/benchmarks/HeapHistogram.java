package io.github.pcusage.benchmarks;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * {@code jcmd PID GC.class_histogram} without starting {@code jcmd}: through the attach API ({@code
 * HotSpotVirtualMachine.executeJCmd}, which this JVM reaches with {@code --add-exports
 * jdk.attach/sun.tools.attach=ALL-UNNAMED}).
 */
final class HeapHistogram {
  private final VirtualMachine vm;
  private final Method executeJCmd;

  private HeapHistogram(VirtualMachine vm, Method executeJCmd) {
    this.vm = vm;
    this.executeJCmd = executeJCmd;
  }

  /** Attaches to the JVM of process {@code pid}. */
  static HeapHistogram attach(long pid) throws IOException, ReflectiveOperationException {
    Method executeJCmd =
        Class.forName("sun.tools.attach.HotSpotVirtualMachine")
            .getMethod("executeJCmd", String.class);
    try {
      return new HeapHistogram(VirtualMachine.attach(String.valueOf(pid)), executeJCmd);
    } catch (AttachNotSupportedException e) {
      throw new IOException(e);
    }
  }

  /** Runs a full GC in the target and returns the histogram's total bytes: the live heap. */
  long liveHeapBytes() throws IOException, ReflectiveOperationException {
    String text;
    try (InputStream in = (InputStream) executeJCmd.invoke(vm, "GC.class_histogram")) {
      // read() until EOF as jcmd does: readAllBytes() stops after 4 KiB on this stream (JDK 17)
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) > 0) {
        answer.write(chunk, 0, n);
      }
      text = answer.toString(StandardCharsets.UTF_8);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
    String[] lines = text.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].trim();
      if (line.startsWith("Total")) {
        String[] fields = line.split("\\s+");
        return Long.parseLong(fields[fields.length - 1]);
      }
    }
    throw new IOException("no Total line in GC.class_histogram's answer: " + text);
  }
}
